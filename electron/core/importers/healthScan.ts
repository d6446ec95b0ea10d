import { SaxesParser } from 'saxes';
import { refused } from './text';

/** How much text may come before the root element (Apple's DOCTYPE is about 10 KB). */
const MAX_PROLOG = 4 * 1024 * 1024;
/** Longest element we wait for across chunks (an Apple Health Record is a few hundred characters). */
const MAX_TAG = 1024 * 1024;
const ROOT_END = '</HealthData>';

/**
 * A fast, narrow reader for Apple Health's export.xml, for the few elements the import needs.
 *
 * The prolog (XML declaration, Apple's DOCTYPE with its internal subset) and the root start tag go
 * through a real XML parser (saxes), which checks them and names the root. After that the body is
 * read by `indexOf` over the decoded text: a `<Record` whose `type` is not one of `wanted` (heart
 * rate and the like: most of an export) is passed over after reading its type, without parsing its
 * attributes; a wanted Record or a `<Workout` is handed over as its start tag's text, whose
 * attributes `attribute()` reads. Comments, CDATA and processing instructions are skipped whole.
 * The export must end with `</HealthData>`, so a file cut short is refused; undecodable bytes are
 * refused by the (fatal) UTF-8 decoder before they reach this reader. This is several times faster
 * than SAX-parsing every attribute of every record (see docs/importing.md for the numbers).
 */
export class HealthScanner {
  private buf = '';
  private sax: SaxesParser | null = new SaxesParser({ position: false });
  private root: string | null = null;
  private ended = false;
  records = 0;
  /** The latest startDate day ("YYYY-MM-DD") of any Record or Workout. */
  lastDay = '';

  constructor(
    private readonly wanted: ReadonlySet<string>,
    /** A wanted Record or any Workout: its name and the text of its start tag. */
    private readonly onElement: (name: 'Record' | 'Workout', tag: string) => void,
  ) {
    this.sax!.on('opentag', (node) => {
      if (this.root === null) this.root = node.name;
    });
  }

  write(text: string): void {
    this.buf = this.buf.length ? this.buf + text : text;
    if (this.sax) this.prolog();
    if (!this.sax) this.body(false);
  }

  end(): void {
    if (this.sax) {
      this.prolog(true);
      if (this.sax) throw this.damaged('it has no root element');
    }
    this.body(true);
    if (!this.ended) throw this.damaged('it ends before </HealthData>');
  }

  get rootName(): string | null {
    return this.root;
  }

  private damaged(why: string): Error {
    return refused(`The Apple Health export cannot be read: it is damaged or cut short (${why}).`);
  }

  /** Feeds the text before the root's start tag, and that tag, to saxes; then hands over to body(). */
  private prolog(final = false): void {
    const at = /<HealthData[\s/>]/.exec(this.buf);
    const until = at ? this.buf.indexOf('>', at.index) : -1;
    try {
      if (at && until !== -1) {
        this.sax!.write(this.buf.slice(0, until + 1));
        if (this.root !== 'HealthData') this.notHealth();
        const selfClosing = this.buf[until - 1] === '/';
        this.buf = this.buf.slice(until + 1);
        this.sax = null;
        if (selfClosing) this.ended = true;
        return;
      }
      // No HealthData start tag yet: let saxes see what there is, so another root is named at once.
      const safe = final ? this.buf.length : this.buf.lastIndexOf('<');
      if (safe > 0) {
        this.sax!.write(this.buf.slice(0, safe));
        this.buf = this.buf.slice(safe);
      }
      if (final) this.sax!.close();
    } catch (error) {
      if ((error as { code?: string }).code === 'IMPORT_INVALID') throw error;
      throw this.damaged((error as Error).message.slice(0, 120));
    }
    if (this.root !== null) this.notHealth();
    if (this.buf.length > MAX_PROLOG) throw this.damaged('no HealthData element near its start');
  }

  private notHealth(): never {
    throw refused('This XML file is not an Apple Health export (its first element should be HealthData).');
  }

  private body(final: boolean): void {
    const buf = this.buf;
    const n = buf.length;
    let pos = 0;
    let carry = -1;
    while (pos < n) {
      const lt = buf.indexOf('<', pos);
      if (lt === -1) break;
      const next = buf.charCodeAt(lt + 1);
      if (next === 33 /* ! */) {
        const close = buf.startsWith('<!--', lt) ? '-->' : buf.startsWith('<![CDATA[', lt) ? ']]>' : null;
        if (close === null) {
          if (lt + 9 > n && !final) {
            carry = lt;
            break;
          }
          throw this.damaged('an unexpected declaration inside HealthData');
        }
        const end = buf.indexOf(close, lt + 4);
        if (end === -1) {
          carry = lt;
          break;
        }
        pos = end + close.length;
        continue;
      }
      if (next === 63 /* ? */) {
        const end = buf.indexOf('?>', lt + 2);
        if (end === -1) {
          carry = lt;
          break;
        }
        pos = end + 2;
        continue;
      }
      if (this.ended) throw this.damaged('there is more after </HealthData>');
      if (next === 47 /* / */) {
        if (lt + ROOT_END.length > n && !final) {
          carry = lt;
          break;
        }
        if (buf.startsWith(ROOT_END, lt)) this.ended = true;
        pos = lt + 2;
        continue;
      }
      if (lt + 1 >= n) {
        carry = lt;
        break;
      }
      // A start tag ends before the next "<" (a "<" cannot appear inside an attribute value).
      const following = buf.indexOf('<', lt + 1);
      if (following === -1) {
        carry = lt;
        break;
      }
      if (buf.startsWith('Record', lt + 1) && isSpace(buf.charCodeAt(lt + 7))) {
        this.records++;
        this.noteDay(buf, lt, following);
        const typeAt = buf.indexOf(' type="', lt + 6);
        if (typeAt === -1 || typeAt > following) throw this.damaged('a Record without a type');
        const typeEnd = buf.indexOf('"', typeAt + 7);
        if (this.wanted.has(buf.slice(typeAt + 7, typeEnd)))
          this.onElement('Record', this.startTag(buf, lt, following));
      } else if (buf.startsWith('Workout', lt + 1) && isSpace(buf.charCodeAt(lt + 8))) {
        this.records++;
        this.noteDay(buf, lt, following);
        this.onElement('Workout', this.startTag(buf, lt, following));
      }
      pos = following;
    }
    if (carry === -1) this.buf = '';
    else {
      if (final) throw this.damaged('it ends inside an element');
      this.buf = buf.slice(carry);
      if (this.buf.length > MAX_TAG) throw this.damaged('an element longer than 1 MB');
    }
  }

  private noteDay(buf: string, lt: number, following: number): void {
    const at = buf.indexOf(' startDate="', lt);
    if (at === -1 || at > following) return;
    const day = buf.slice(at + 12, at + 22);
    if (day > this.lastDay && /^\d{4}-\d{2}-\d{2}$/.test(day)) this.lastDay = day;
  }

  /** The start tag from `lt` (up to its ">"), checked to be one. */
  private startTag(buf: string, lt: number, following: number): string {
    const gt = buf.lastIndexOf('>', following);
    if (gt < lt) throw this.damaged('an element that never closes');
    return buf.slice(lt, gt + 1);
  }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The value of attribute `name` in a start tag's text (entities decoded), or undefined. */
export function attribute(tag: string, name: string): string | undefined {
  let at = tag.indexOf(` ${name}="`);
  let quote = '"';
  if (at === -1) {
    at = tag.indexOf(` ${name}='`);
    quote = "'";
    if (at === -1) return undefined;
  }
  const start = at + name.length + 3;
  const end = tag.indexOf(quote, start);
  if (end === -1) return undefined;
  const value = tag.slice(start, end);
  return value.includes('&')
    ? value.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) =>
        e[0] === '#'
          ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : +e.slice(1))
          : (ENTITIES[e] ?? all),
      )
    : value;
}
