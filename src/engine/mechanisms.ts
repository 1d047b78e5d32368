/** The mechanism table lives in the model layer (scenarios validate knock-outs against it). */
export * from '../model/mechanisms.ts';
