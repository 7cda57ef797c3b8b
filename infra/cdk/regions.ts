/**
 * Where Twinspace may run: pupils' data stays in the European Union (GDPR).
 * The one list of the AWS regions whose data centres are in an EU member
 * state; twinspace-app.ts refuses any other region unless the deployer says
 * `-c allowNonEuRegion=true`.
 *
 * Not in the list, on purpose: eu-west-2 (London) and eu-central-2 (Zurich) are
 * in Europe but not in the EU (both have an adequacy decision: a deployer who
 * relies on it says so with allowNonEuRegion); the AWS European Sovereign Cloud
 * is a partition of its own, which this app does not target.
 */
export const euRegions = [
  'eu-west-1', // Ireland
  'eu-west-3', // Paris
  'eu-central-1', // Frankfurt
  'eu-north-1', // Stockholm
  'eu-south-1', // Milan
  'eu-south-2', // Spain (Aragón)
] as const;

/** The region when the deployer names none. */
export const defaultRegion = 'eu-west-1';

export function isEuRegion(region: string): boolean {
  return (euRegions as readonly string[]).includes(region);
}
