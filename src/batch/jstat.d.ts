// jstat ships no types; only what src/batch uses.
declare module 'jstat' {
  interface JStat {
    studentt: { inv(p: number, dof: number): number; cdf(x: number, dof: number): number };
  }
  const jStat: JStat & { jStat?: JStat };
  export default jStat;
}
