/**
 * Settings of card payments (`payments.*`): the terminal's shared key and ids for the Adyen
 * Terminal API (the terminal itself — driver and address — is a device of the hardware profile,
 * `firmware-config/`), how long it may take, and the caps on payments it approves offline.
 */
import { z } from 'zod';

export const paymentSettingsSchema = z
  .object({
    pinpad: z
      .enum(['virtual'])
      .default('virtual')
      .describe(
        'Card terminal when the hardware profile names none: "virtual" approves in process like a test terminal (no protocol)',
      ),
    reversalRetryMs: z
      .int()
      .min(20)
      .max(600_000)
      .default(5000)
      .describe(
        'A card approval that could not be recorded and whose reversal failed is tried again after this, then twice as long each time (at most 10 minutes apart)',
      ),
    terminal: z
      .object({
        poiId: z
          .string()
          .max(64)
          .regex(/^$|^[A-Za-z0-9]+-[A-Za-z0-9]+$/, 'the terminal model and serial number, e.g. V400m-324688179')
          .default('')
          .describe(
            "The terminal's POIID, [model]-[serial number] as on its label (e.g. V400m-324688179); empty: V400m-000000001 for the virtual terminal",
          ),
        saleId: z
          .string()
          .max(64)
          .regex(/^[A-Za-z0-9._-]*$/, 'letters, digits, dots, dashes and underscores')
          .default('')
          .describe('Our SaleID towards the terminal; empty: tillbox-{store id}'),
        keyIdentifier: z
          .string()
          .max(128)
          .default('')
          .describe(
            'Identifier of the shared key set on the terminal (Customer Area: terminal settings, Integrations)',
          ),
        keyPassphrase: z
          .string()
          .max(256)
          .default('')
          .meta({ secret: true })
          .describe('Passphrase of the shared key; empty with a virtual terminal: a random one at every start'),
        keyVersion: z.int().min(0).max(1_000_000).default(1).describe('Version of the shared key'),
        caFile: z
          .string()
          .max(1024)
          .default('')
          .describe(
            "PEM file of Adyen's root certificate (test or live) that the terminal's certificate must chain to; needed for a terminal on the network",
          ),
        saleTimeoutMs: z
          .int()
          .min(1000)
          .max(600_000)
          .default(150_000)
          .describe(
            'How long a sale may wait on the terminal (guest, card, PIN) before the edge aborts it and asks what became of it',
          ),
        requestTimeoutMs: z
          .int()
          .min(500)
          .max(120_000)
          .default(20_000)
          .describe('How long the terminal may take to answer anything else (status, refund, reconciliation)'),
      })
      .prefault({})
      .describe('The Adyen terminal (Terminal API over local communications)'),
    offline: z
      .object({
        maxPerTransaction: z
          .int()
          .min(0)
          .max(100_000_000)
          .default(5000)
          .describe(
            'Largest card payment (minor units, tip included) the terminal may approve offline (store-and-forward) when it cannot reach the bank; 0: never offline',
          ),
        maxTotal: z
          .int()
          .min(0)
          .max(1_000_000_000)
          .default(50_000)
          .describe('Offline approvals stop once those not yet settled would pass this (minor units)'),
        reconcileEverySeconds: z
          .int()
          .min(0)
          .max(86_400)
          .default(300)
          .describe(
            'While offline approvals are pending, reconcile with the terminal this often to settle them (0: only from the admin screen)',
          ),
      })
      .prefault({})
      .describe('Card payments approved offline'),
  })
  .prefault({})
  .describe('Payments');
