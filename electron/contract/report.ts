import { z } from 'zod';
import { isoDate } from './journal';
import { PAPER_SIZES, PATIENT_NAME_MAX_LENGTH, REPORT_SECTION_KEYS, type PaperSize } from './reportTerms';

export * from './reportTerms';

const section = z.enum(REPORT_SECTION_KEYS, { error: 'One of the chosen report sections does not exist.' });

export const reportSchemas = {
  savePdf: z
    .object({
      paper: z.enum(PAPER_SIZES.map((size) => size.key) as [PaperSize, ...PaperSize[]], {
        error: 'Choose A4 or Letter paper.',
      }),
      fileName: z
        .string()
        .trim()
        .min(5)
        .max(120, 'That file name is too long.')
        .regex(/^[^/\\:*?"<>|]+\.pdf$/i, 'The file name must end in .pdf and hold no slashes.'),
    })
    .strict(),
  data: z
    .object({
      from: isoDate,
      to: isoDate,
      sections: z
        .array(section, { error: 'Please choose the sections of the report.' })
        .min(1, 'Please choose at least one section for the report.')
        .refine((keys) => new Set(keys).size === keys.length, 'Each section can be chosen only once.'),
      patientName: z
        .string({ error: 'The patient’s name must be text.' })
        .trim()
        .max(PATIENT_NAME_MAX_LENGTH, `The patient’s name can be at most ${PATIENT_NAME_MAX_LENGTH} characters.`)
        .optional(),
      dateOfBirth: z.union([isoDate, z.literal('')]).optional(),
    })
    .strict()
    .refine((input) => input.from <= input.to, 'The start date must be on or before the end date.'),
};

/** Desktop only: where the PDF went, or nothing when the person cancelled the save dialog. */
export interface SavedPdf {
  saved: boolean;
  path: string | null;
}
