// jstat ships no types; only what src/batch uses.
declare module 'jstat' {
  interface JStat {
    studentt: { inv(p: number, dof: number): number; cdf(x: number, dof: number): number };
    beta: { cdf(x: number, a: number, b: number): number };
    binomial: { pdf(k: number, n: number, p: number): number; cdf(k: number, n: number, p: number): number };
  }
  const jStat: JStat & { jStat?: JStat };
  export default jStat;
}
