// Simulated customers (test/flows/customers.yaml, written blind): each has one hidden cause and answers the bot's
// questions from what they can see. The file is read as data; causes map to the fixes in simulate.ts.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const Customer = z.strictObject({
  id: z.string().min(1),
  cause: z.string().min(1),
  opening: z.string().min(1),
  target: z.enum(['icloud', 'computer', 'unknown']),
  screen: z.string().min(1),
  timing: z.string().min(1),
});

export type Customer = z.infer<typeof Customer>;

export function readCustomers(file: string): readonly Customer[] {
  return z.strictObject({ customers: z.array(Customer).min(1) }).parse(parse(readFileSync(file, 'utf8'))).customers;
}
