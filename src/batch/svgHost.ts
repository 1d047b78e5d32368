/**
 * The part of a DOM `Document` that the charts use: making SVG elements. Typed here without the
 * DOM library, so the package's declarations compile in projects that have no `lib: ["dom"]`; the
 * browser's `document` and linkedom's (`parseHTML('<!doctype html><html></html>').document` in
 * Node) both fit.
 */
export interface SvgHost {
  createElementNS(namespace: string, qualifiedName: string, options?: undefined): unknown;
}
