/** A seconds countdown for "try again in N s" after too many wrong tries. */
export function countdown() {
  let seconds = $state(0);
  let timer: number | undefined;
  return {
    get seconds() {
      return seconds;
    },
    start(from: number) {
      window.clearInterval(timer);
      seconds = from;
      timer = window.setInterval(() => {
        seconds = Math.max(0, seconds - 1);
        if (seconds === 0) window.clearInterval(timer);
      }, 1000);
    },
  };
}
