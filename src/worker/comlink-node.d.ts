// comlink's Node adapter ships as .mjs next to its .d.ts: re-export the types.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import nodeEndpoint from 'comlink/dist/esm/node-adapter';
  export default nodeEndpoint;
}
