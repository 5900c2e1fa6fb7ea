/**
 * The edge's HTTP API as TypeScript types, generated from its OpenAPI document
 * (`GET /api/v1/openapi.json`) by `npm run api:types`. Do not edit: change the route, then
 * regenerate. web/src/lib/api.ts derives the screens' typed calls from `paths`.
 */
export interface paths {
  '/api/v1/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness and the state of the store box (the database path for admins only) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ok' | 'degraded';
              version: string;
              storeId: string;
              /** @description The head of the event log */
              seq: number;
              uptimeSeconds: number;
              db: {
                ok: boolean;
                /** @description The database file: only for an admin screen with an admin signed in */
                path?: string;
              };
              streamClients: number;
              /** @description Why the status is degraded; empty when it is ok */
              degraded: {
                /**
                 * @description damaged-row: a stored row cannot be read; missing-events: the log lost a range; storage: the disk refuses writes; cloud-log: the store's log and the cloud's copy differ, or the cloud's copy was refused
                 * @enum {string}
                 */
                kind: 'damaged-row' | 'missing-events' | 'storage' | 'cloud-log';
                /** @description What is wrong and what the store box did about it */
                message: string;
                /** @description ISO 8601 time it was first seen */
                since: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/pairing/mode': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How screens pair here: with a code, or (demo store) in one click from the box itself */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The demo store */
              demo: boolean;
              /** @description This browser can pair in one click (demo store, on the box itself) */
              oneClick: boolean;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/pairing/claim': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Pair this screen with a one-time code from the admin screen; answers the device credential (also set as a cookie) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The pairing code from the admin screen */
            code: string;
          };
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              device: {
                id: string;
                name: string;
                /** @enum {string} */
                role: 'kiosk' | 'kds' | 'pickup' | 'counter' | 'admin' | 'relay' | 'display';
              };
              /** @description The device credential (also set as an HttpOnly cookie); send as `Authorization: Bearer` */
              credential: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/pairing/demo': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Demo store only, from the box itself: pair this browser as a screen in one click */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            role: 'kiosk' | 'kds' | 'pickup' | 'counter' | 'admin' | 'display';
          };
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              device: {
                id: string;
                name: string;
                /** @enum {string} */
                role: 'kiosk' | 'kds' | 'pickup' | 'counter' | 'admin' | 'relay' | 'display';
              };
              /** @description The device credential (also set as an HttpOnly cookie); send as `Authorization: Bearer` */
              credential: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/pairing/codes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Make a one-time pairing code for a new screen (shown once; expires) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            role: 'kiosk' | 'kds' | 'pickup' | 'counter' | 'admin' | 'relay' | 'display';
            /** @description What the screen is, e.g. "Kiosk 2" or "Bar KDS" */
            name: string;
          };
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Shown once: type it on the screen to pair (e.g. ABCD-EF23) */
              code: string;
              /** @enum {string} */
              role: 'kiosk' | 'kds' | 'pickup' | 'counter' | 'admin' | 'relay' | 'display';
              name: string;
              expiresAt: string;
              /** @description Path of the pairing page with the code filled in, for a QR */
              pairUrl: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/devices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Paired devices and the pairing codes still open */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              devices: {
                id: string;
                name: string;
                /** @enum {string} */
                role: 'kiosk' | 'kds' | 'pickup' | 'counter' | 'admin' | 'relay' | 'display';
                pairedAt: string;
                pairedBy: string;
                lastSeenAt?: string;
                revokedAt?: string;
              }[];
              openCodes: {
                /** @enum {string} */
                role: 'kiosk' | 'kds' | 'pickup' | 'counter' | 'admin' | 'relay' | 'display';
                name: string;
                expiresAt: string;
              }[];
            };
          };
        };
        /** @description Error */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/devices/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke a device: its credential stops working at once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              /** @enum {string} */
              role: 'kiosk' | 'kds' | 'pickup' | 'counter' | 'admin' | 'relay' | 'display';
              pairedAt: string;
              pairedBy: string;
              lastSeenAt?: string;
              revokedAt?: string;
            };
          };
        };
        /** @description Error */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This screen: its device and the staff member signed in on it */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              device: {
                id: string;
                name: string;
                /** @enum {string} */
                role: 'kiosk' | 'kds' | 'pickup' | 'counter' | 'admin' | 'relay' | 'display';
              };
              staff?: {
                id: string;
                name: string;
                /** @enum {string} */
                role: 'kitchen' | 'cashier' | 'shift-lead' | 'manager' | 'admin';
              };
              /** @description Minutes without a request before a signed-in staff member is signed out */
              idleMinutes: number;
            };
          };
        };
        /** @description Error */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/staff/sign-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Staff who can sign in here (names and roles) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              staff: {
                id: string;
                name: string;
                /** @enum {string} */
                role: 'kitchen' | 'cashier' | 'shift-lead' | 'manager' | 'admin';
                active: boolean;
              }[];
            };
          };
        };
        /** @description Error */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    /** Sign a staff member in on this screen with their PIN (lockout after repeated failures) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            staffId: string;
            /** @description Staff PIN, 4–8 digits; never stored or logged, only its argon2id hash */
            pin: string;
          };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              device: {
                id: string;
                name: string;
                /** @enum {string} */
                role: 'kiosk' | 'kds' | 'pickup' | 'counter' | 'admin' | 'relay' | 'display';
              };
              staff?: {
                id: string;
                name: string;
                /** @enum {string} */
                role: 'kitchen' | 'cashier' | 'shift-lead' | 'manager' | 'admin';
              };
              /** @description Minutes without a request before a signed-in staff member is signed out */
              idleMinutes: number;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/staff/sign-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign the staff member out of this screen */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              device: {
                id: string;
                name: string;
                /** @enum {string} */
                role: 'kiosk' | 'kds' | 'pickup' | 'counter' | 'admin' | 'relay' | 'display';
              };
              staff?: {
                id: string;
                name: string;
                /** @enum {string} */
                role: 'kitchen' | 'cashier' | 'shift-lead' | 'manager' | 'admin';
              };
              /** @description Minutes without a request before a signed-in staff member is signed out */
              idleMinutes: number;
            };
          };
        };
        /** @description Error */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/staff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** All staff accounts */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              staff: {
                id: string;
                name: string;
                /** @enum {string} */
                role: 'kitchen' | 'cashier' | 'shift-lead' | 'manager' | 'admin';
                active: boolean;
              }[];
            };
          };
        };
        /** @description Error */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    /** Add a staff member with a role and a PIN */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @enum {string} */
            role: 'kitchen' | 'cashier' | 'shift-lead' | 'manager' | 'admin';
            /** @description Staff PIN, 4–8 digits; never stored or logged, only its argon2id hash */
            pin: string;
          };
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              /** @enum {string} */
              role: 'kitchen' | 'cashier' | 'shift-lead' | 'manager' | 'admin';
              active: boolean;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/staff/bootstrap': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A new store: make its first admin from the admin screen (only while there are no staff) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @description Staff PIN, 4–8 digits; never stored or logged, only its argon2id hash */
            pin: string;
          };
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              /** @enum {string} */
              role: 'kitchen' | 'cashier' | 'shift-lead' | 'manager' | 'admin';
              active: boolean;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/staff/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change a staff member: name, role, or deactivate */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            /** @enum {string} */
            role?: 'kitchen' | 'cashier' | 'shift-lead' | 'manager' | 'admin';
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              /** @enum {string} */
              role: 'kitchen' | 'cashier' | 'shift-lead' | 'manager' | 'admin';
              active: boolean;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/staff/{id}/pin': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reset a staff member's PIN */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Staff PIN, 4–8 digits; never stored or logged, only its argon2id hash */
            pin: string;
          };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              /** @enum {string} */
              role: 'kitchen' | 'cashier' | 'shift-lead' | 'manager' | 'admin';
              active: boolean;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The audit log, newest first: sign-ins, refusals, overrides, voids, refunds, pairings, settings changes */
    get: {
      parameters: {
        query?: {
          afterSeq?: number;
          beforeSeq?: number;
          limit?: number;
          action?:
            | 'staff.signed-in'
            | 'staff.signed-out'
            | 'staff.pin-failed'
            | 'staff.locked-out'
            | 'staff.created'
            | 'staff.updated'
            | 'staff.pin-reset'
            | 'staff.deactivated'
            | 'device.paired'
            | 'device.revoked'
            | 'device.linked'
            | 'pairing.code-created'
            | 'override.approved'
            | 'override.refused'
            | 'order.voided'
            | 'order.refunded'
            | 'order.cancelled'
            | 'order.discounted'
            | 'order.price-overridden'
            | 'order.transferred'
            | 'tips.declared'
            | 'drawer.cash-moved'
            | 'drawer.no-sale'
            | 'drawer.closed'
            | 'day.closed'
            | 'stock.received'
            | 'stock.wasted'
            | 'stock.counted'
            | 'stock.untracked'
            | 'stock.86d'
            | 'stock.un86d'
            | 'settings.changed'
            | 'permission.refused'
            | 'log.restored';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Newest first */
              rows: {
                /** @description Position in the chain, from 1 without gaps */
                seq: number;
                id: string;
                /** Format: date-time */
                at: string;
                /** @enum {string} */
                action:
                  | 'staff.signed-in'
                  | 'staff.signed-out'
                  | 'staff.pin-failed'
                  | 'staff.locked-out'
                  | 'staff.created'
                  | 'staff.updated'
                  | 'staff.pin-reset'
                  | 'staff.deactivated'
                  | 'device.paired'
                  | 'device.revoked'
                  | 'device.linked'
                  | 'pairing.code-created'
                  | 'override.approved'
                  | 'override.refused'
                  | 'order.voided'
                  | 'order.refunded'
                  | 'order.cancelled'
                  | 'order.discounted'
                  | 'order.price-overridden'
                  | 'order.transferred'
                  | 'tips.declared'
                  | 'drawer.cash-moved'
                  | 'drawer.no-sale'
                  | 'drawer.closed'
                  | 'day.closed'
                  | 'stock.received'
                  | 'stock.wasted'
                  | 'stock.counted'
                  | 'stock.untracked'
                  | 'stock.86d'
                  | 'stock.un86d'
                  | 'settings.changed'
                  | 'permission.refused'
                  | 'log.restored';
                actor: {
                  /** @enum {string} */
                  kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                  /** @description Staff id, device id, or `edge` for the system */
                  id: string;
                  /** @description Staff role, device role, or `system` */
                  role: string;
                  name?: string;
                  /** @description The manager who approved an override */
                  approvedBy?: {
                    /** @constant */
                    kind: 'staff';
                    id: string;
                    /** @enum {string} */
                    role: 'kitchen' | 'cashier' | 'shift-lead' | 'manager' | 'admin';
                    name?: string;
                  };
                };
                device: string | null;
                subject: string | null;
                detail: {
                  [key: string]: components['schemas']['JsonValue'];
                };
                /** @description SHA-256 (hex) of this row and the previous row’s hash */
                hash: string;
              }[];
              /** @description More rows match: ask again with beforeSeq = the last row’s seq */
              more: boolean;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Check the audit log’s hash chain from the first row to the last; names the first broken row */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json':
              | {
                  /** @constant */
                  ok: true;
                  /** @description Rows in the chain, all intact */
                  rows: number;
                  /** @description The last row’s hash (64 zeros when the log is empty); note it to detect a cut tail */
                  lastHash: string;
                }
              | {
                  /** @constant */
                  ok: false;
                  /** @description Rows found intact before the first broken one */
                  rows: number;
                  /** @description The first broken row */
                  broken: {
                    seq: number;
                    id: string;
                    reason: string;
                  };
                };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/catalog': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The commerce catalog: categories, items with sizes, nested modifier groups, combos with slots, dayparts, store prices */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              version: number;
              currency: string;
              categories: {
                id: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @default kitchen */
                station: string;
                /**
                 * @description Tax class of items that do not name one
                 * @default prepared-food
                 * @enum {string}
                 */
                taxClass: 'general' | 'food' | 'prepared-food' | 'beverage' | 'alcohol' | 'exempt';
                /**
                 * @description Sold only during these dayparts; empty = all day
                 * @default []
                 */
                dayparts: string[];
              }[];
              items: {
                id: string;
                categoryId: string;
                sku: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                description?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description A picture of the item for the screens: a path on the store box or an https:// address */
                image?: string;
                /** @description Price when the item has no sizes (and of a combo), in minor units */
                price: number;
                /** @default [] */
                variants: {
                  id: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  /** @description Price of the item in this size, in minor units */
                  price: number;
                  /** @description SKU of this size, when it differs from the item */
                  sku?: string;
                  /**
                   * @description EAN-13, UPC-A or EAN-8 codes with valid check digits
                   * @default []
                   */
                  barcodes: string[];
                  /** @description Calories of this size */
                  calories?: number;
                }[];
                /** @default [] */
                modifierGroupIds: string[];
                /**
                 * @description false when 86ed (sold out)
                 * @default true
                 */
                available: boolean;
                /** @description Kitchen station; defaults to the category station */
                station?: string;
                /** @default [] */
                tags: string[];
                /** @default [] */
                allergens: string[];
                calories?: number;
                /**
                 * @description EAN-13, UPC-A or EAN-8 codes with valid check digits
                 * @default []
                 */
                barcodes: string[];
                /**
                 * @description Tax class; defaults to the category's
                 * @enum {string}
                 */
                taxClass?: 'general' | 'food' | 'prepared-food' | 'beverage' | 'alcohol' | 'exempt';
                /**
                 * @description Sold only during these dayparts; empty = all day
                 * @default []
                 */
                dayparts: string[];
                /**
                 * @description Sold only on these channels; empty = all
                 * @default []
                 */
                channels: ('kiosk' | 'counter' | 'app' | 'online' | 'marketplace')[];
                /** @description Makes the item a combo: its price covers one choice per slot, plus slot upcharges and modifiers */
                combo?: {
                  /** @description One choice from each slot */
                  slots: {
                    id: string;
                    /** @description Text by language code; "en" is required and is the fallback */
                    name: {
                      en: string;
                    } & {
                      [key: string]: string;
                    };
                    /**
                     * @description May be left empty
                     * @default false
                     */
                    optional: boolean;
                    /** @description What may fill the slot; the guest picks one */
                    choices: {
                      /** @description An item that may fill the slot (not itself a combo) */
                      itemId: string;
                      /** @description The size it comes in; required when the item has sizes */
                      variantId?: string;
                      /**
                       * @description Added to the combo price when chosen
                       * @default 0
                       */
                      upcharge: number;
                    }[];
                  }[];
                };
              }[];
              /** @default [] */
              modifierGroups: {
                id: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /**
                 * @description Fewest options a guest must choose
                 * @default 0
                 */
                min: number;
                /**
                 * @description Most options a guest may choose
                 * @default 1
                 */
                max: number;
                options: {
                  id: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  /**
                   * @description Upcharge in minor units
                   * @default 0
                   */
                  price: number;
                  /**
                   * @description Pre-selected on the screens
                   * @default false
                   */
                  default: boolean;
                  /**
                   * @description Nested groups opened by this choice, e.g. a milk choice inside a latte inside a combo
                   * @default []
                   */
                  modifierGroupIds: string[];
                  /**
                   * @description Allergens this choice adds
                   * @default []
                   */
                  allergens: string[];
                  /**
                   * @description Allergens of the item this choice takes away, e.g. oat milk takes away a latte's milk
                   * @default []
                   */
                  removesAllergens: string[];
                  /** @description Calories this choice adds */
                  calories?: number;
                }[];
              }[];
              /**
               * @description Named parts of the day: breakfast, lunch...
               * @default []
               */
              dayparts: {
                id: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description When the daypart runs, store-local */
                windows: {
                  /** @description Days of the week the window is open, in the store time zone */
                  days: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[];
                  /** @description Local time the window opens (inclusive) */
                  start: string;
                  /** @description Local time the window closes (exclusive); must be after start */
                  end: string;
                }[];
              }[];
              /**
               * @description Per-store price overrides
               * @default []
               */
              storePrices: (
                | {
                    /** @constant */
                    kind: 'item';
                    storeId: string;
                    itemId: string;
                    /** @description The size; required when the item has sizes */
                    variantId?: string;
                    /** @description Price at this store */
                    price: number;
                  }
                | {
                    /** @constant */
                    kind: 'option';
                    storeId: string;
                    groupId: string;
                    optionId: string;
                    /** @description Upcharge at this store */
                    price: number;
                  }
              )[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/pricing/rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The pricing rules: stores, promotions, tax and loyalty (screens price carts with them) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @default 1 */
              version: number;
              stores: {
                id: string;
                name?: string;
                /** @description IANA time zone, e.g. America/New_York */
                timeZone: string;
                /** @description The tax jurisdiction the store charges */
                taxJurisdictionId: string;
              }[];
              /**
               * @description Display names of the tags promotions choose lines by; a tag without one is shown as written
               * @default []
               */
              tags: {
                /** @description A catalog tag, as items carry it */
                id: string;
                /** @description How explanations name it, e.g. {"en": "Alcohol", "es": "Alcohol"} */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
              }[];
              /** @default [] */
              promotions: {
                id: string;
                /** @description Shown on the receipt, e.g. "Happy hour" */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description What it gives, e.g. "20% off drinks"; generated when absent */
                label?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @default true */
                active: boolean;
                /**
                 * @description Higher goes first
                 * @default 0
                 */
                priority: number;
                /**
                 * @description "exclusive": never combined with another promotion on the same line
                 * @default stackable
                 * @enum {string}
                 */
                stacking: 'stackable' | 'exclusive';
                /** @description First day, store-local, inclusive */
                startsOn?: string;
                /** @description Last day, store-local, inclusive */
                endsOn?: string;
                /**
                 * @description Weekly hours; empty = any time
                 * @default []
                 */
                windows: {
                  /** @description Days of the week the window is open, in the store time zone */
                  days: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[];
                  /** @description Local time the window opens (inclusive) */
                  start: string;
                  /** @description Local time the window closes (exclusive); must be after start */
                  end: string;
                }[];
                /**
                 * @description Only at these stores; empty = all
                 * @default []
                 */
                storeIds: string[];
                /**
                 * @description Only on these channels; empty = all
                 * @default []
                 */
                channels: ('kiosk' | 'counter' | 'app' | 'online' | 'marketplace')[];
                /**
                 * @description Only for these order types; empty = all
                 * @default []
                 */
                orderTypes: ('dine-in' | 'takeout' | 'pickup' | 'delivery')[];
                /**
                 * @description Only for customers in one of these segments
                 * @default []
                 */
                segments: string[];
                /**
                 * @description Only for customers in one of these loyalty tiers
                 * @default []
                 */
                tiers: string[];
                /** @description Applies only when the guest enters this code */
                coupon?: {
                  /** @description Code the guest enters; matched without regard to case */
                  code: string;
                  /** @description Uses allowed across all guests */
                  maxUses?: number;
                  /** @description Uses allowed per customer */
                  maxUsesPerCustomer?: number;
                };
                /** @default {} */
                conditions: {
                  /** @description A spend threshold on the lines the promotion matches */
                  spend?: {
                    /** @description The threshold in minor units: 3000 in "over $30" */
                    amount: number;
                    /**
                     * @description "at-least": the amount or more qualifies ("$30 or more"); "more-than": only above it ("over $30")
                     * @enum {string}
                     */
                    comparison: 'at-least' | 'more-than';
                    /**
                     * @description What is compared: the matching lines' prices before any discount ("subtotal-before-discounts"), or what promotions of higher priority left on them ("after-earlier-promotions")
                     * @enum {string}
                     */
                    measuredOn: 'subtotal-before-discounts' | 'after-earlier-promotions';
                  };
                  /** @description At least this many matching units */
                  minQuantity?: number;
                };
                /**
                 * @description Lines this promotion never touches
                 * @default {
                 *       "all": false,
                 *       "itemIds": [],
                 *       "categoryIds": [],
                 *       "tags": []
                 *     }
                 */
                exclude: {
                  /**
                   * @description Every line
                   * @default false
                   */
                  all: boolean;
                  /**
                   * @description Items by id
                   * @default []
                   */
                  itemIds: string[];
                  /**
                   * @description Every item in these categories
                   * @default []
                   */
                  categoryIds: string[];
                  /**
                   * @description Every item carrying one of these tags
                   * @default []
                   */
                  tags: string[];
                };
                /** @description Most this promotion takes off one order */
                maxDiscount?: number;
                /** @description What the promotion does */
                effect:
                  | {
                      /** @constant */
                      kind: 'percent-off';
                      /** @description Discount in ppm: 20% off = 200000 */
                      percentPpm: number;
                      /** @description Which lines: all, or items, categories or tags (any match). Empty matches nothing */
                      appliesTo: {
                        /**
                         * @description Every line
                         * @default false
                         */
                        all: boolean;
                        /**
                         * @description Items by id
                         * @default []
                         */
                        itemIds: string[];
                        /**
                         * @description Every item in these categories
                         * @default []
                         */
                        categoryIds: string[];
                        /**
                         * @description Every item carrying one of these tags
                         * @default []
                         */
                        tags: string[];
                      };
                    }
                  | {
                      /** @constant */
                      kind: 'amount-off';
                      /** @description Amount off, minor units */
                      amount: number;
                      /**
                       * @description "order": once, spread over the matching lines; "unit": off each matching unit
                       * @default order
                       * @enum {string}
                       */
                      per: 'order' | 'unit';
                      /** @description Which lines: all, or items, categories or tags (any match). Empty matches nothing */
                      appliesTo: {
                        /**
                         * @description Every line
                         * @default false
                         */
                        all: boolean;
                        /**
                         * @description Items by id
                         * @default []
                         */
                        itemIds: string[];
                        /**
                         * @description Every item in these categories
                         * @default []
                         */
                        categoryIds: string[];
                        /**
                         * @description Every item carrying one of these tags
                         * @default []
                         */
                        tags: string[];
                      };
                    }
                  | {
                      /** @constant */
                      kind: 'buy-x-get-y';
                      buy: {
                        /** @description Which lines: all, or items, categories or tags (any match). Empty matches nothing */
                        appliesTo: {
                          /**
                           * @description Every line
                           * @default false
                           */
                          all: boolean;
                          /**
                           * @description Items by id
                           * @default []
                           */
                          itemIds: string[];
                          /**
                           * @description Every item in these categories
                           * @default []
                           */
                          categoryIds: string[];
                          /**
                           * @description Every item carrying one of these tags
                           * @default []
                           */
                          tags: string[];
                        };
                        /** @description Units to buy (X) */
                        quantity: number;
                      };
                      get: {
                        /** @description Which lines: all, or items, categories or tags (any match). Empty matches nothing */
                        appliesTo: {
                          /**
                           * @description Every line
                           * @default false
                           */
                          all: boolean;
                          /**
                           * @description Items by id
                           * @default []
                           */
                          itemIds: string[];
                          /**
                           * @description Every item in these categories
                           * @default []
                           */
                          categoryIds: string[];
                          /**
                           * @description Every item carrying one of these tags
                           * @default []
                           */
                          tags: string[];
                        };
                        /** @description Units discounted (Y); the cheapest qualifying units */
                        quantity: number;
                        /**
                         * @description Discount on those units; 1000000 = free
                         * @default 1000000
                         */
                        percentPpm: number;
                      };
                      /** @description Most times the deal applies in one order; unlimited when absent */
                      maxApplications?: number;
                    }
                  | {
                      /** @constant */
                      kind: 'multi-buy';
                      /** @description Which lines: all, or items, categories or tags (any match). Empty matches nothing */
                      appliesTo: {
                        /**
                         * @description Every line
                         * @default false
                         */
                        all: boolean;
                        /**
                         * @description Items by id
                         * @default []
                         */
                        itemIds: string[];
                        /**
                         * @description Every item in these categories
                         * @default []
                         */
                        categoryIds: string[];
                        /**
                         * @description Every item carrying one of these tags
                         * @default []
                         */
                        tags: string[];
                      };
                      /** @description Units in a set, e.g. 3 in "3 for $10" */
                      quantity: number;
                      /** @description Price of a set, e.g. 1000 in "3 for $10" */
                      price: number;
                      /** @description Most times the deal applies in one order; unlimited when absent */
                      maxApplications?: number;
                    }
                  | {
                      /** @constant */
                      kind: 'bundle-price';
                      /** @description What a bundle is made of, e.g. one sandwich and one drink */
                      components: {
                        /** @description Which lines: all, or items, categories or tags (any match). Empty matches nothing */
                        appliesTo: {
                          /**
                           * @description Every line
                           * @default false
                           */
                          all: boolean;
                          /**
                           * @description Items by id
                           * @default []
                           */
                          itemIds: string[];
                          /**
                           * @description Every item in these categories
                           * @default []
                           */
                          categoryIds: string[];
                          /**
                           * @description Every item carrying one of these tags
                           * @default []
                           */
                          tags: string[];
                        };
                        quantity: number;
                      }[];
                      /** @description Price of one complete bundle */
                      price: number;
                      /** @description Most times the deal applies in one order; unlimited when absent */
                      maxApplications?: number;
                    };
              }[];
              /**
               * @description Lines no promotion or reward ever discounts
               * @default {
               *       "all": false,
               *       "itemIds": [],
               *       "categoryIds": [],
               *       "tags": []
               *     }
               */
              exclusions: {
                /**
                 * @description Every line
                 * @default false
                 */
                all: boolean;
                /**
                 * @description Items by id
                 * @default []
                 */
                itemIds: string[];
                /**
                 * @description Every item in these categories
                 * @default []
                 */
                categoryIds: string[];
                /**
                 * @description Every item carrying one of these tags
                 * @default []
                 */
                tags: string[];
              };
              /** @description A cap on the total promotion discount */
              maxDiscount?: {
                /** @description Most all promotions together take off one order */
                amount?: number;
                /** @description Most all promotions together take off, as a share of subtotal */
                percentPpm?: number;
              };
              tax: {
                jurisdictions: {
                  id: string;
                  name: string;
                  /**
                   * @description true: prices include the tax (VAT); false: tax is added
                   * @default false
                   */
                  pricesIncludeTax: boolean;
                  /**
                   * @description Round each line, or each rate over the order
                   * @default line
                   * @enum {string}
                   */
                  rounding: 'line' | 'order';
                  /**
                   * @default half-up
                   * @enum {string}
                   */
                  roundingMode: 'half-up' | 'half-even';
                  /**
                   * @description How stacked rates round: "per-rate", each rate on its own; "combined", the tax on the sum of the rates once, its breakdown by rate allocated by largest remainder (as most US sales-tax returns expect)
                   * @default per-rate
                   * @enum {string}
                   */
                  stackedRates: 'per-rate' | 'combined';
                  /**
                   * @description All matching rates apply, stacked
                   * @default []
                   */
                  rates: {
                    id: string;
                    /** @description Shown on the receipt, e.g. "NY State" */
                    name: {
                      en: string;
                    } & {
                      [key: string]: string;
                    };
                    /** @description Rate in ppm: 4% = 40000, 8.875% = 88750 */
                    ratePpm: number;
                    /** @description The rate applies to a line when any rule covers its tax class and the order type */
                    appliesTo: {
                      /** @description Tax classes this rule covers */
                      classes: ('general' | 'food' | 'prepared-food' | 'beverage' | 'alcohol' | 'exempt')[];
                      /**
                       * @description Only for these order types; empty = all
                       * @default []
                       */
                      orderTypes: ('dine-in' | 'takeout' | 'pickup' | 'delivery')[];
                    }[];
                  }[];
                }[];
              };
              loyalty?: {
                /** @description Base earning, e.g. 1 point per 100 cents */
                earn: {
                  /** @description Points earned... */
                  points: number;
                  /** @description ...for every this many minor units spent (net of discounts) */
                  perAmount: number;
                };
                /**
                 * @description On each line, the largest matching multiplier applies
                 * @default []
                 */
                multipliers: {
                  id: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  /** @description 2× = 2000000, 1.5× = 1500000 */
                  factorPpm: number;
                  /** @description Only these lines */
                  appliesTo?: {
                    /**
                     * @description Every line
                     * @default false
                     */
                    all: boolean;
                    /**
                     * @description Items by id
                     * @default []
                     */
                    itemIds: string[];
                    /**
                     * @description Every item in these categories
                     * @default []
                     */
                    categoryIds: string[];
                    /**
                     * @description Every item carrying one of these tags
                     * @default []
                     */
                    tags: string[];
                  };
                  /**
                   * @description Only during these catalog dayparts
                   * @default []
                   */
                  dayparts: string[];
                  /**
                   * @description Only lines discounted by these promotions
                   * @default []
                   */
                  promotionIds: string[];
                }[];
                /** @default [] */
                tiers: {
                  id: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  /**
                   * @description Applies on top of line multipliers
                   * @default 1000000
                   */
                  factorPpm: number;
                  /** @description Points a year to reach the tier (informational) */
                  minPoints?: number;
                }[];
                /** @default [] */
                rewards: (
                  | {
                      id: string;
                      /** @description Text by language code; "en" is required and is the fallback */
                      name: {
                        en: string;
                      } & {
                        [key: string]: string;
                      };
                      /** @description What the reward costs in points */
                      points: number;
                      /**
                       * @description Only for these tiers; empty = all
                       * @default []
                       */
                      tiers: string[];
                      /** @constant */
                      kind: 'item';
                      /** @description The most expensive matching unit becomes free */
                      appliesTo: {
                        /**
                         * @description Every line
                         * @default false
                         */
                        all: boolean;
                        /**
                         * @description Items by id
                         * @default []
                         */
                        itemIds: string[];
                        /**
                         * @description Every item in these categories
                         * @default []
                         */
                        categoryIds: string[];
                        /**
                         * @description Every item carrying one of these tags
                         * @default []
                         */
                        tags: string[];
                      };
                    }
                  | {
                      id: string;
                      /** @description Text by language code; "en" is required and is the fallback */
                      name: {
                        en: string;
                      } & {
                        [key: string]: string;
                      };
                      /** @description What the reward costs in points */
                      points: number;
                      /**
                       * @description Only for these tiers; empty = all
                       * @default []
                       */
                      tiers: string[];
                      /** @constant */
                      kind: 'amount';
                      /** @description Amount off the order */
                      amount: number;
                    }
                )[];
                /**
                 * @description Lines that never earn
                 * @default {
                 *       "all": false,
                 *       "itemIds": [],
                 *       "categoryIds": [],
                 *       "tags": []
                 *     }
                 */
                exclude: {
                  /**
                   * @description Every line
                   * @default false
                   */
                  all: boolean;
                  /**
                   * @description Items by id
                   * @default []
                   */
                  itemIds: string[];
                  /**
                   * @description Every item in these categories
                   * @default []
                   */
                  categoryIds: string[];
                  /**
                   * @description Every item carrying one of these tags
                   * @default []
                   */
                  tags: string[];
                };
              };
              /**
               * @description Suggestions a screen makes after an item is added: one at a time, each at most once per order, at most 2 per order
               * @default []
               */
              upsells: {
                /** @description Names the suggestion in orders (lines.upsellId) and in the upsell report */
                id: string;
                /** @default true */
                active: boolean;
                /**
                 * @description When several could be made, the highest goes first
                 * @default 0
                 */
                priority: number;
                /** @description Suggested after the guest adds a line that matches: items, categories or tags */
                after: {
                  /**
                   * @description Every line
                   * @default false
                   */
                  all: boolean;
                  /**
                   * @description Items by id
                   * @default []
                   */
                  itemIds: string[];
                  /**
                   * @description Every item in these categories
                   * @default []
                   */
                  categoryIds: string[];
                  /**
                   * @description Every item carrying one of these tags
                   * @default []
                   */
                  tags: string[];
                };
                /**
                 * @description Only when the cart also holds a matching line; empty = no condition
                 * @default {
                 *       "all": false,
                 *       "itemIds": [],
                 *       "categoryIds": [],
                 *       "tags": []
                 *     }
                 */
                whenCartHas: {
                  /**
                   * @description Every line
                   * @default false
                   */
                  all: boolean;
                  /**
                   * @description Items by id
                   * @default []
                   */
                  itemIds: string[];
                  /**
                   * @description Every item in these categories
                   * @default []
                   */
                  categoryIds: string[];
                  /**
                   * @description Every item carrying one of these tags
                   * @default []
                   */
                  tags: string[];
                };
                /**
                 * @description Not when the cart already holds a matching line (a croissant is not suggested to a guest who has one)
                 * @default {
                 *       "all": false,
                 *       "itemIds": [],
                 *       "categoryIds": [],
                 *       "tags": []
                 *     }
                 */
                unlessCartHas: {
                  /**
                   * @description Every line
                   * @default false
                   */
                  all: boolean;
                  /**
                   * @description Items by id
                   * @default []
                   */
                  itemIds: string[];
                  /**
                   * @description Every item in these categories
                   * @default []
                   */
                  categoryIds: string[];
                  /**
                   * @description Every item carrying one of these tags
                   * @default []
                   */
                  tags: string[];
                };
                /**
                 * @description Only during these catalog dayparts; empty = all day
                 * @default []
                 */
                dayparts: string[];
                /**
                 * @description Only in these weekly hours; empty = any time
                 * @default []
                 */
                windows: {
                  /** @description Days of the week the window is open, in the store time zone */
                  days: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[];
                  /** @description Local time the window opens (inclusive) */
                  start: string;
                  /** @description Local time the window closes (exclusive); must be after start */
                  end: string;
                }[];
                /**
                 * @description Only on these channels; empty = all
                 * @default []
                 */
                channels: ('kiosk' | 'counter' | 'app' | 'online' | 'marketplace')[];
                /** @description What the guest reads, e.g. "A croissant with that?"; the screen words it from the offer when absent */
                headline?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description What is suggested */
                offer:
                  | {
                      /** @constant */
                      kind: 'item';
                      /** @description The item suggested */
                      itemId: string;
                      /** @description Its size; the first size when the item has sizes and none is named */
                      variantId?: string;
                    }
                  | {
                      /** @constant */
                      kind: 'size-up';
                    }
                  | {
                      /** @constant */
                      kind: 'combo';
                      /** @description A combo with a slot the added item can fill */
                      itemId: string;
                    };
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Orders by status (or what a kitchen or pickup screen shows), oldest first, a page at a time: follow `next`; subscribe from the first page’s seq */
    get: {
      parameters: {
        query?: {
          status?:
            | 'open'
            | 'placed'
            | 'paid'
            | 'in_kitchen'
            | 'ready'
            | 'picked_up'
            | 'completed'
            | 'cancelled'
            | 'voided'
            | 'refunded';
          day?: string;
          scope?: 'kitchen' | 'pickup';
          limit?: number;
          after?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The event log position this list is current at; subscribe from the first page’s */
              seq: number;
              /** @description Oldest placed first */
              orders: {
                id: string;
                /** @description Order number to call out, unique per business day */
                number: number;
                businessDay: string;
                /** @enum {string} */
                status:
                  | 'placed'
                  | 'paid'
                  | 'in_kitchen'
                  | 'ready'
                  | 'picked_up'
                  | 'completed'
                  | 'cancelled'
                  | 'voided'
                  | 'refunded';
                /** @enum {string} */
                payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
                table?: string;
                promisedAt?: string;
                /** @description Promised time, or placed time plus prep time: the kitchen priority */
                dueAt: string;
                rush: boolean;
                /** @description One ticket per station, made when the order fires */
                tickets: {
                  id: string;
                  station: string;
                  /** @enum {string} */
                  status: 'open' | 'bumped';
                  firedAt: string;
                  bumpedAt?: string;
                  items: {
                    lineId: string;
                    bumpedAt?: string;
                  }[];
                }[];
                payments: {
                  id: string;
                  /** @enum {string} */
                  method: 'card' | 'cash' | 'external';
                  /** @description Towards the order, minor units; a refund is negative */
                  amount: number;
                  /** @description A tip taken with it (negative on a refund that gave it back) */
                  tip?: number;
                  /** @description The part of a split bill it paid */
                  part?: number;
                  /** @description Who took it (whose tip it is) */
                  staffId?: string;
                  /** @description A refund: the payment it gave money back to */
                  refundOf?: string;
                  tendered?: number;
                  change?: number;
                  reference?: string;
                  /** @description Last four digits from the terminal; never the card number */
                  cardLast4?: string;
                  at: string;
                }[];
                /** @enum {string} */
                channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
                /** @enum {string} */
                orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
                guestName?: string;
                /** @description The loyalty member it is for: it earns them points when paid */
                memberId?: string;
                lines: {
                  lineId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  /** @description Text by language code; "en" is required and is the fallback */
                  variantName?: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  modifiers: {
                    groupId: string;
                    optionId: string;
                    /** @description Text by language code; "en" is required and is the fallback */
                    name: {
                      en: string;
                    } & {
                      [key: string]: string;
                    };
                    price: number;
                    /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                    default?: boolean;
                  }[];
                  quantity: number;
                  note?: string;
                  station: string;
                  allergens: string[];
                  /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                  parts?: {
                    slotId: string;
                    itemId: string;
                    variantId?: string;
                    /** @description Where this slot item is made: its own item’s station */
                    station: string;
                    allergens: string[];
                    /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                    choices: number;
                  }[];
                  /** @description Item or variant price plus modifier upcharges, minor units */
                  unitPrice: number;
                  /** @description unitPrice × quantity, minor units */
                  lineTotal: number;
                  /**
                   * @description Promotions and rewards taken off this line
                   * @default 0
                   */
                  discount: number;
                  /**
                   * @description Tax of this line (added, or held in the price with VAT)
                   * @default 0
                   */
                  tax: number;
                  /** @description What the guest pays for this line */
                  total?: number;
                  /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                  round?: number;
                  /** @description Given back in a refund by lines (ISO 8601) */
                  refundedAt?: string;
                }[];
                totals: {
                  currency: string;
                  /** @description Σ line totals before discounts */
                  subtotal: number;
                  /**
                   * @description Promotions and rewards taken off
                   * @default 0
                   */
                  discount: number;
                  /**
                   * @description Tax added on top (or held in the prices, with VAT)
                   * @default 0
                   */
                  tax: number;
                  /** @description What the guest pays */
                  total: number;
                };
                /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
                pricing?: {
                  discounts: {
                    promotionId: string;
                    explanation: string;
                    amount: number;
                  }[];
                  taxes: {
                    name: string;
                    rate: string;
                    inclusive: boolean;
                    amount: number;
                    /** @description The rate in the tax rules (what a line’s taxes name) */
                    rateId?: string;
                  }[];
                  /** @description Points this order earns */
                  loyaltyPoints: number;
                  /** @description Points the loyalty rewards it redeems cost */
                  loyaltyPointsRedeemed?: number;
                  /** @description The moment it was priced, on the store's clock */
                  localTime: string;
                  /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                  overrides?: {
                    lineId: string;
                    explanation: string;
                  }[];
                };
                /** @description ISO 8601 */
                placedAt: string;
                paidAt?: string;
                firedAt?: string;
                readyAt?: string;
                pickedUpAt?: string;
                /** @description Completed, cancelled, voided or refunded */
                closedAt?: string;
                /** @description Still to pay, minor units (0 once paid) */
                due?: number;
                /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
                tipTotal?: number;
                /** @description The bill split: each part with its amount, what is paid and what is due */
                split?: {
                  /** @enum {string} */
                  kind: 'even' | 'lines';
                  parts: {
                    /** @description 1-based: what a payment names */
                    part: number;
                    /** @description What the part comes to (an even split shares the total by largest remainder) */
                    amount: number;
                    /** @description Taken for it so far (net of refunds) */
                    paid: number;
                    due: number;
                    /** @description Split by lines: its lines */
                    lineIds?: string[];
                  }[];
                };
                /** @description The staff member whose open ticket it is */
                owner?: {
                  staffId: string;
                  name?: string;
                };
                /** @description Held as an open ticket since (on no counter); absent once recalled */
                heldAt?: string;
              }[];
              /** @description More orders follow: ask again with `after` set to this */
              next?: string;
            };
          };
        };
      };
    };
    put?: never;
    /** Place an order (idempotent: the same client-made id is the same order) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Client-made UUIDv7; the idempotency key */
            id: string;
            /**
             * @default kiosk
             * @enum {string}
             */
            channel?: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
            /**
             * @default takeout
             * @enum {string}
             */
            orderType?: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
            /** @description Shown on the pickup board (first name) */
            guestName?: string;
            /** @description Table or tent number of a dine-in order */
            table?: string;
            /**
             * Format: date-time
             * @description When the guest will pick up / receive it; scheduled orders fire this minus prep time
             */
            promisedAt?: string;
            /**
             * @description Put its tickets ahead of every other
             * @default false
             */
            rush?: boolean;
            /**
             * @description When it goes to the kitchen: "auto" follows the channel rule (kiosk, app, online on payment; counter at once)
             * @default auto
             * @enum {string}
             */
            fire?: 'auto' | 'now' | 'on-payment';
            /** @description For app, online and marketplace orders already paid elsewhere */
            payment?: {
              /** @constant */
              method: 'external';
              /** @description Minor units paid elsewhere */
              amount: number;
              /** @description The payment reference of the app or marketplace */
              reference: string;
            };
            /** @description The loyalty member the order is for: it is priced for them (tier, rewards) and earns points when paid */
            loyalty?: {
              /** @description The member, as GET /loyalty/lookup identified them */
              memberId: string;
              /**
               * @description Rewards the guest redeems: priced by the engine, refused when one cannot be (points, tier, nothing that qualifies)
               * @default []
               */
              rewards?: string[];
            };
            lines: {
              /** @description The screen's stable id of the line (UUIDv7), which it priced the cart with; the edge keeps it. Give one for every line or for none (the edge then makes them) */
              lineId?: string;
              itemId: string;
              variantId?: string;
              /** @default [] */
              modifiers?: components['schemas']['ModifiersItem'][];
              /**
               * @description Choices for a combo, one per slot
               * @default []
               */
              slots?: {
                /** @description The combo slot */
                slotId: string;
                /** @description The item chosen for it */
                itemId: string;
                /** @description Its size, when the slot offers sizes */
                variantId?: string;
                /**
                 * @description The chosen item's modifiers
                 * @default []
                 */
                modifiers?: components['schemas']['ModifiersItem'][];
              }[];
              quantity: number;
              note?: string;
              /** @description The upsell suggestion the guest added this line from (pricing ignores it; the upsell report counts it) */
              upsellId?: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Error */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description Order number to call out, unique per business day */
              number: number;
              businessDay: string;
              /** @enum {string} */
              status:
                | 'placed'
                | 'paid'
                | 'in_kitchen'
                | 'ready'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'voided'
                | 'refunded';
              /** @enum {string} */
              payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
              table?: string;
              promisedAt?: string;
              /** @description Promised time, or placed time plus prep time: the kitchen priority */
              dueAt: string;
              rush: boolean;
              /** @description One ticket per station, made when the order fires */
              tickets: {
                id: string;
                station: string;
                /** @enum {string} */
                status: 'open' | 'bumped';
                firedAt: string;
                bumpedAt?: string;
                items: {
                  lineId: string;
                  bumpedAt?: string;
                }[];
              }[];
              payments: {
                id: string;
                /** @enum {string} */
                method: 'card' | 'cash' | 'external';
                /** @description Towards the order, minor units; a refund is negative */
                amount: number;
                /** @description A tip taken with it (negative on a refund that gave it back) */
                tip?: number;
                /** @description The part of a split bill it paid */
                part?: number;
                /** @description Who took it (whose tip it is) */
                staffId?: string;
                /** @description A refund: the payment it gave money back to */
                refundOf?: string;
                tendered?: number;
                change?: number;
                reference?: string;
                /** @description Last four digits from the terminal; never the card number */
                cardLast4?: string;
                at: string;
              }[];
              /** @enum {string} */
              channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              /** @enum {string} */
              orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
              guestName?: string;
              /** @description The loyalty member it is for: it earns them points when paid */
              memberId?: string;
              lines: {
                lineId: string;
                itemId: string;
                variantId?: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                variantName?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                modifiers: {
                  groupId: string;
                  optionId: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  price: number;
                  /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                  default?: boolean;
                }[];
                quantity: number;
                note?: string;
                station: string;
                allergens: string[];
                /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                parts?: {
                  slotId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Where this slot item is made: its own item’s station */
                  station: string;
                  allergens: string[];
                  /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                  choices: number;
                }[];
                /** @description Item or variant price plus modifier upcharges, minor units */
                unitPrice: number;
                /** @description unitPrice × quantity, minor units */
                lineTotal: number;
                /**
                 * @description Promotions and rewards taken off this line
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax of this line (added, or held in the price with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays for this line */
                total?: number;
                /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                round?: number;
                /** @description Given back in a refund by lines (ISO 8601) */
                refundedAt?: string;
              }[];
              totals: {
                currency: string;
                /** @description Σ line totals before discounts */
                subtotal: number;
                /**
                 * @description Promotions and rewards taken off
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax added on top (or held in the prices, with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays */
                total: number;
              };
              /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
              pricing?: {
                discounts: {
                  promotionId: string;
                  explanation: string;
                  amount: number;
                }[];
                taxes: {
                  name: string;
                  rate: string;
                  inclusive: boolean;
                  amount: number;
                  /** @description The rate in the tax rules (what a line’s taxes name) */
                  rateId?: string;
                }[];
                /** @description Points this order earns */
                loyaltyPoints: number;
                /** @description Points the loyalty rewards it redeems cost */
                loyaltyPointsRedeemed?: number;
                /** @description The moment it was priced, on the store's clock */
                localTime: string;
                /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                overrides?: {
                  lineId: string;
                  explanation: string;
                }[];
              };
              /** @description ISO 8601 */
              placedAt: string;
              paidAt?: string;
              firedAt?: string;
              readyAt?: string;
              pickedUpAt?: string;
              /** @description Completed, cancelled, voided or refunded */
              closedAt?: string;
              /** @description Still to pay, minor units (0 once paid) */
              due?: number;
              /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
              tipTotal?: number;
              /** @description The bill split: each part with its amount, what is paid and what is due */
              split?: {
                /** @enum {string} */
                kind: 'even' | 'lines';
                parts: {
                  /** @description 1-based: what a payment names */
                  part: number;
                  /** @description What the part comes to (an even split shares the total by largest remainder) */
                  amount: number;
                  /** @description Taken for it so far (net of refunds) */
                  paid: number;
                  due: number;
                  /** @description Split by lines: its lines */
                  lineIds?: string[];
                }[];
              };
              /** @description The staff member whose open ticket it is */
              owner?: {
                staffId: string;
                name?: string;
              };
              /** @description Held as an open ticket since (on no counter); absent once recalled */
              heldAt?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One order */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description Order number to call out, unique per business day */
              number: number;
              businessDay: string;
              /** @enum {string} */
              status:
                | 'placed'
                | 'paid'
                | 'in_kitchen'
                | 'ready'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'voided'
                | 'refunded';
              /** @enum {string} */
              payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
              table?: string;
              promisedAt?: string;
              /** @description Promised time, or placed time plus prep time: the kitchen priority */
              dueAt: string;
              rush: boolean;
              /** @description One ticket per station, made when the order fires */
              tickets: {
                id: string;
                station: string;
                /** @enum {string} */
                status: 'open' | 'bumped';
                firedAt: string;
                bumpedAt?: string;
                items: {
                  lineId: string;
                  bumpedAt?: string;
                }[];
              }[];
              payments: {
                id: string;
                /** @enum {string} */
                method: 'card' | 'cash' | 'external';
                /** @description Towards the order, minor units; a refund is negative */
                amount: number;
                /** @description A tip taken with it (negative on a refund that gave it back) */
                tip?: number;
                /** @description The part of a split bill it paid */
                part?: number;
                /** @description Who took it (whose tip it is) */
                staffId?: string;
                /** @description A refund: the payment it gave money back to */
                refundOf?: string;
                tendered?: number;
                change?: number;
                reference?: string;
                /** @description Last four digits from the terminal; never the card number */
                cardLast4?: string;
                at: string;
              }[];
              /** @enum {string} */
              channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              /** @enum {string} */
              orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
              guestName?: string;
              /** @description The loyalty member it is for: it earns them points when paid */
              memberId?: string;
              lines: {
                lineId: string;
                itemId: string;
                variantId?: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                variantName?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                modifiers: {
                  groupId: string;
                  optionId: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  price: number;
                  /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                  default?: boolean;
                }[];
                quantity: number;
                note?: string;
                station: string;
                allergens: string[];
                /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                parts?: {
                  slotId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Where this slot item is made: its own item’s station */
                  station: string;
                  allergens: string[];
                  /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                  choices: number;
                }[];
                /** @description Item or variant price plus modifier upcharges, minor units */
                unitPrice: number;
                /** @description unitPrice × quantity, minor units */
                lineTotal: number;
                /**
                 * @description Promotions and rewards taken off this line
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax of this line (added, or held in the price with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays for this line */
                total?: number;
                /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                round?: number;
                /** @description Given back in a refund by lines (ISO 8601) */
                refundedAt?: string;
              }[];
              totals: {
                currency: string;
                /** @description Σ line totals before discounts */
                subtotal: number;
                /**
                 * @description Promotions and rewards taken off
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax added on top (or held in the prices, with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays */
                total: number;
              };
              /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
              pricing?: {
                discounts: {
                  promotionId: string;
                  explanation: string;
                  amount: number;
                }[];
                taxes: {
                  name: string;
                  rate: string;
                  inclusive: boolean;
                  amount: number;
                  /** @description The rate in the tax rules (what a line’s taxes name) */
                  rateId?: string;
                }[];
                /** @description Points this order earns */
                loyaltyPoints: number;
                /** @description Points the loyalty rewards it redeems cost */
                loyaltyPointsRedeemed?: number;
                /** @description The moment it was priced, on the store's clock */
                localTime: string;
                /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                overrides?: {
                  lineId: string;
                  explanation: string;
                }[];
              };
              /** @description ISO 8601 */
              placedAt: string;
              paidAt?: string;
              firedAt?: string;
              readyAt?: string;
              pickedUpAt?: string;
              /** @description Completed, cancelled, voided or refunded */
              closedAt?: string;
              /** @description Still to pay, minor units (0 once paid) */
              due?: number;
              /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
              tipTotal?: number;
              /** @description The bill split: each part with its amount, what is paid and what is due */
              split?: {
                /** @enum {string} */
                kind: 'even' | 'lines';
                parts: {
                  /** @description 1-based: what a payment names */
                  part: number;
                  /** @description What the part comes to (an even split shares the total by largest remainder) */
                  amount: number;
                  /** @description Taken for it so far (net of refunds) */
                  paid: number;
                  due: number;
                  /** @description Split by lines: its lines */
                  lineIds?: string[];
                }[];
              };
              /** @description The staff member whose open ticket it is */
              owner?: {
                staffId: string;
                name?: string;
              };
              /** @description Held as an open ticket since (on no counter); absent once recalled */
              heldAt?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/pay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take a payment: all that is due, or part of it (split tender: pay again for the rest), or a part of a split bill (`part`); card (with a tip, or the pinpad asks), cash (change only on the cash that pays the rest) or an external tender. Paid in full, it fires if it waits for payment */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description card: the store pinpad; cash: counted at the till; external: a tender taken outside the store box (a voucher, a stand-alone terminal), with its reference
             * @enum {string}
             */
            method: 'card' | 'cash' | 'external';
            /** @description Minor units towards the order (card, external): at most what is due; all that is due (of the order, or of `part`) when left out. Split tender: pay again for the rest */
            amount?: number;
            /** @description Cash handed over, minor units (cash only): it pays up to what is due, and change is given only on the cash that pays the rest */
            tendered?: number;
            /** @description A tip entered on the screen (card only), charged with the amount; not a sale */
            tip?: number;
            /** @description Card only: the pinpad asks the guest for a tip (leave `tip` out) */
            tipPrompt?: boolean;
            /** @description The part of a split bill this pays (needed once it is split) */
            part?: number;
            /** @description External only: the tender's own reference (never card data) */
            reference?: string;
          };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description Order number to call out, unique per business day */
              number: number;
              businessDay: string;
              /** @enum {string} */
              status:
                | 'placed'
                | 'paid'
                | 'in_kitchen'
                | 'ready'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'voided'
                | 'refunded';
              /** @enum {string} */
              payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
              table?: string;
              promisedAt?: string;
              /** @description Promised time, or placed time plus prep time: the kitchen priority */
              dueAt: string;
              rush: boolean;
              /** @description One ticket per station, made when the order fires */
              tickets: {
                id: string;
                station: string;
                /** @enum {string} */
                status: 'open' | 'bumped';
                firedAt: string;
                bumpedAt?: string;
                items: {
                  lineId: string;
                  bumpedAt?: string;
                }[];
              }[];
              payments: {
                id: string;
                /** @enum {string} */
                method: 'card' | 'cash' | 'external';
                /** @description Towards the order, minor units; a refund is negative */
                amount: number;
                /** @description A tip taken with it (negative on a refund that gave it back) */
                tip?: number;
                /** @description The part of a split bill it paid */
                part?: number;
                /** @description Who took it (whose tip it is) */
                staffId?: string;
                /** @description A refund: the payment it gave money back to */
                refundOf?: string;
                tendered?: number;
                change?: number;
                reference?: string;
                /** @description Last four digits from the terminal; never the card number */
                cardLast4?: string;
                at: string;
              }[];
              /** @enum {string} */
              channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              /** @enum {string} */
              orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
              guestName?: string;
              /** @description The loyalty member it is for: it earns them points when paid */
              memberId?: string;
              lines: {
                lineId: string;
                itemId: string;
                variantId?: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                variantName?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                modifiers: {
                  groupId: string;
                  optionId: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  price: number;
                  /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                  default?: boolean;
                }[];
                quantity: number;
                note?: string;
                station: string;
                allergens: string[];
                /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                parts?: {
                  slotId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Where this slot item is made: its own item’s station */
                  station: string;
                  allergens: string[];
                  /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                  choices: number;
                }[];
                /** @description Item or variant price plus modifier upcharges, minor units */
                unitPrice: number;
                /** @description unitPrice × quantity, minor units */
                lineTotal: number;
                /**
                 * @description Promotions and rewards taken off this line
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax of this line (added, or held in the price with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays for this line */
                total?: number;
                /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                round?: number;
                /** @description Given back in a refund by lines (ISO 8601) */
                refundedAt?: string;
              }[];
              totals: {
                currency: string;
                /** @description Σ line totals before discounts */
                subtotal: number;
                /**
                 * @description Promotions and rewards taken off
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax added on top (or held in the prices, with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays */
                total: number;
              };
              /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
              pricing?: {
                discounts: {
                  promotionId: string;
                  explanation: string;
                  amount: number;
                }[];
                taxes: {
                  name: string;
                  rate: string;
                  inclusive: boolean;
                  amount: number;
                  /** @description The rate in the tax rules (what a line’s taxes name) */
                  rateId?: string;
                }[];
                /** @description Points this order earns */
                loyaltyPoints: number;
                /** @description Points the loyalty rewards it redeems cost */
                loyaltyPointsRedeemed?: number;
                /** @description The moment it was priced, on the store's clock */
                localTime: string;
                /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                overrides?: {
                  lineId: string;
                  explanation: string;
                }[];
              };
              /** @description ISO 8601 */
              placedAt: string;
              paidAt?: string;
              firedAt?: string;
              readyAt?: string;
              pickedUpAt?: string;
              /** @description Completed, cancelled, voided or refunded */
              closedAt?: string;
              /** @description Still to pay, minor units (0 once paid) */
              due?: number;
              /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
              tipTotal?: number;
              /** @description The bill split: each part with its amount, what is paid and what is due */
              split?: {
                /** @enum {string} */
                kind: 'even' | 'lines';
                parts: {
                  /** @description 1-based: what a payment names */
                  part: number;
                  /** @description What the part comes to (an even split shares the total by largest remainder) */
                  amount: number;
                  /** @description Taken for it so far (net of refunds) */
                  paid: number;
                  due: number;
                  /** @description Split by lines: its lines */
                  lineIds?: string[];
                }[];
              };
              /** @description The staff member whose open ticket it is */
              owner?: {
                staffId: string;
                name?: string;
              };
              /** @description Held as an open ticket since (on no counter); absent once recalled */
              heldAt?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        402: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Expo: the order is ready (bumps any station that has not) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description Order number to call out, unique per business day */
              number: number;
              businessDay: string;
              /** @enum {string} */
              status:
                | 'placed'
                | 'paid'
                | 'in_kitchen'
                | 'ready'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'voided'
                | 'refunded';
              /** @enum {string} */
              payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
              table?: string;
              promisedAt?: string;
              /** @description Promised time, or placed time plus prep time: the kitchen priority */
              dueAt: string;
              rush: boolean;
              /** @description One ticket per station, made when the order fires */
              tickets: {
                id: string;
                station: string;
                /** @enum {string} */
                status: 'open' | 'bumped';
                firedAt: string;
                bumpedAt?: string;
                items: {
                  lineId: string;
                  bumpedAt?: string;
                }[];
              }[];
              payments: {
                id: string;
                /** @enum {string} */
                method: 'card' | 'cash' | 'external';
                /** @description Towards the order, minor units; a refund is negative */
                amount: number;
                /** @description A tip taken with it (negative on a refund that gave it back) */
                tip?: number;
                /** @description The part of a split bill it paid */
                part?: number;
                /** @description Who took it (whose tip it is) */
                staffId?: string;
                /** @description A refund: the payment it gave money back to */
                refundOf?: string;
                tendered?: number;
                change?: number;
                reference?: string;
                /** @description Last four digits from the terminal; never the card number */
                cardLast4?: string;
                at: string;
              }[];
              /** @enum {string} */
              channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              /** @enum {string} */
              orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
              guestName?: string;
              /** @description The loyalty member it is for: it earns them points when paid */
              memberId?: string;
              lines: {
                lineId: string;
                itemId: string;
                variantId?: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                variantName?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                modifiers: {
                  groupId: string;
                  optionId: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  price: number;
                  /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                  default?: boolean;
                }[];
                quantity: number;
                note?: string;
                station: string;
                allergens: string[];
                /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                parts?: {
                  slotId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Where this slot item is made: its own item’s station */
                  station: string;
                  allergens: string[];
                  /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                  choices: number;
                }[];
                /** @description Item or variant price plus modifier upcharges, minor units */
                unitPrice: number;
                /** @description unitPrice × quantity, minor units */
                lineTotal: number;
                /**
                 * @description Promotions and rewards taken off this line
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax of this line (added, or held in the price with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays for this line */
                total?: number;
                /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                round?: number;
                /** @description Given back in a refund by lines (ISO 8601) */
                refundedAt?: string;
              }[];
              totals: {
                currency: string;
                /** @description Σ line totals before discounts */
                subtotal: number;
                /**
                 * @description Promotions and rewards taken off
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax added on top (or held in the prices, with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays */
                total: number;
              };
              /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
              pricing?: {
                discounts: {
                  promotionId: string;
                  explanation: string;
                  amount: number;
                }[];
                taxes: {
                  name: string;
                  rate: string;
                  inclusive: boolean;
                  amount: number;
                  /** @description The rate in the tax rules (what a line’s taxes name) */
                  rateId?: string;
                }[];
                /** @description Points this order earns */
                loyaltyPoints: number;
                /** @description Points the loyalty rewards it redeems cost */
                loyaltyPointsRedeemed?: number;
                /** @description The moment it was priced, on the store's clock */
                localTime: string;
                /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                overrides?: {
                  lineId: string;
                  explanation: string;
                }[];
              };
              /** @description ISO 8601 */
              placedAt: string;
              paidAt?: string;
              firedAt?: string;
              readyAt?: string;
              pickedUpAt?: string;
              /** @description Completed, cancelled, voided or refunded */
              closedAt?: string;
              /** @description Still to pay, minor units (0 once paid) */
              due?: number;
              /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
              tipTotal?: number;
              /** @description The bill split: each part with its amount, what is paid and what is due */
              split?: {
                /** @enum {string} */
                kind: 'even' | 'lines';
                parts: {
                  /** @description 1-based: what a payment names */
                  part: number;
                  /** @description What the part comes to (an even split shares the total by largest remainder) */
                  amount: number;
                  /** @description Taken for it so far (net of refunds) */
                  paid: number;
                  due: number;
                  /** @description Split by lines: its lines */
                  lineIds?: string[];
                }[];
              };
              /** @description The staff member whose open ticket it is */
              owner?: {
                staffId: string;
                name?: string;
              };
              /** @description Held as an open ticket since (on no counter); absent once recalled */
              heldAt?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/void': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Void an unpaid order (manager override: a manager's PIN on the same screen) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
            override: {
              /** @description The approving manager */
              staffId: string;
              /** @description Staff PIN, 4–8 digits; never stored or logged, only its argon2id hash */
              pin: string;
            };
          };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description Order number to call out, unique per business day */
              number: number;
              businessDay: string;
              /** @enum {string} */
              status:
                | 'placed'
                | 'paid'
                | 'in_kitchen'
                | 'ready'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'voided'
                | 'refunded';
              /** @enum {string} */
              payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
              table?: string;
              promisedAt?: string;
              /** @description Promised time, or placed time plus prep time: the kitchen priority */
              dueAt: string;
              rush: boolean;
              /** @description One ticket per station, made when the order fires */
              tickets: {
                id: string;
                station: string;
                /** @enum {string} */
                status: 'open' | 'bumped';
                firedAt: string;
                bumpedAt?: string;
                items: {
                  lineId: string;
                  bumpedAt?: string;
                }[];
              }[];
              payments: {
                id: string;
                /** @enum {string} */
                method: 'card' | 'cash' | 'external';
                /** @description Towards the order, minor units; a refund is negative */
                amount: number;
                /** @description A tip taken with it (negative on a refund that gave it back) */
                tip?: number;
                /** @description The part of a split bill it paid */
                part?: number;
                /** @description Who took it (whose tip it is) */
                staffId?: string;
                /** @description A refund: the payment it gave money back to */
                refundOf?: string;
                tendered?: number;
                change?: number;
                reference?: string;
                /** @description Last four digits from the terminal; never the card number */
                cardLast4?: string;
                at: string;
              }[];
              /** @enum {string} */
              channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              /** @enum {string} */
              orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
              guestName?: string;
              /** @description The loyalty member it is for: it earns them points when paid */
              memberId?: string;
              lines: {
                lineId: string;
                itemId: string;
                variantId?: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                variantName?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                modifiers: {
                  groupId: string;
                  optionId: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  price: number;
                  /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                  default?: boolean;
                }[];
                quantity: number;
                note?: string;
                station: string;
                allergens: string[];
                /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                parts?: {
                  slotId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Where this slot item is made: its own item’s station */
                  station: string;
                  allergens: string[];
                  /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                  choices: number;
                }[];
                /** @description Item or variant price plus modifier upcharges, minor units */
                unitPrice: number;
                /** @description unitPrice × quantity, minor units */
                lineTotal: number;
                /**
                 * @description Promotions and rewards taken off this line
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax of this line (added, or held in the price with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays for this line */
                total?: number;
                /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                round?: number;
                /** @description Given back in a refund by lines (ISO 8601) */
                refundedAt?: string;
              }[];
              totals: {
                currency: string;
                /** @description Σ line totals before discounts */
                subtotal: number;
                /**
                 * @description Promotions and rewards taken off
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax added on top (or held in the prices, with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays */
                total: number;
              };
              /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
              pricing?: {
                discounts: {
                  promotionId: string;
                  explanation: string;
                  amount: number;
                }[];
                taxes: {
                  name: string;
                  rate: string;
                  inclusive: boolean;
                  amount: number;
                  /** @description The rate in the tax rules (what a line’s taxes name) */
                  rateId?: string;
                }[];
                /** @description Points this order earns */
                loyaltyPoints: number;
                /** @description Points the loyalty rewards it redeems cost */
                loyaltyPointsRedeemed?: number;
                /** @description The moment it was priced, on the store's clock */
                localTime: string;
                /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                overrides?: {
                  lineId: string;
                  explanation: string;
                }[];
              };
              /** @description ISO 8601 */
              placedAt: string;
              paidAt?: string;
              firedAt?: string;
              readyAt?: string;
              pickedUpAt?: string;
              /** @description Completed, cancelled, voided or refunded */
              closedAt?: string;
              /** @description Still to pay, minor units (0 once paid) */
              due?: number;
              /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
              tipTotal?: number;
              /** @description The bill split: each part with its amount, what is paid and what is due */
              split?: {
                /** @enum {string} */
                kind: 'even' | 'lines';
                parts: {
                  /** @description 1-based: what a payment names */
                  part: number;
                  /** @description What the part comes to (an even split shares the total by largest remainder) */
                  amount: number;
                  /** @description Taken for it so far (net of refunds) */
                  paid: number;
                  due: number;
                  /** @description Split by lines: its lines */
                  lineIds?: string[];
                }[];
              };
              /** @description The staff member whose open ticket it is */
              owner?: {
                staffId: string;
                name?: string;
              };
              /** @description Held as an open ticket since (on no counter); absent once recalled */
              heldAt?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/refund': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Refund a paid order, whole (tips too) or by lines, to its original tenders — never more to a tender than it gave; `to` names the tenders — or give back what a partly paid order took (then it can be voided). Manager override: a manager's PIN on the same screen */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
            override: {
              /** @description The approving manager */
              staffId: string;
              /** @description Staff PIN, 4–8 digits; never stored or logged, only its argon2id hash */
              pin: string;
            };
            /** @description Lines to refund; the whole order when absent */
            lines?: string[];
            /** @description Which of its payments the money goes back to, and how much to each (they add up to the refund); by default the lines’ own part of a split bill first, then in the order taken */
            to?: {
              paymentId: string;
              amount: number;
            }[];
          };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description Order number to call out, unique per business day */
              number: number;
              businessDay: string;
              /** @enum {string} */
              status:
                | 'placed'
                | 'paid'
                | 'in_kitchen'
                | 'ready'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'voided'
                | 'refunded';
              /** @enum {string} */
              payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
              table?: string;
              promisedAt?: string;
              /** @description Promised time, or placed time plus prep time: the kitchen priority */
              dueAt: string;
              rush: boolean;
              /** @description One ticket per station, made when the order fires */
              tickets: {
                id: string;
                station: string;
                /** @enum {string} */
                status: 'open' | 'bumped';
                firedAt: string;
                bumpedAt?: string;
                items: {
                  lineId: string;
                  bumpedAt?: string;
                }[];
              }[];
              payments: {
                id: string;
                /** @enum {string} */
                method: 'card' | 'cash' | 'external';
                /** @description Towards the order, minor units; a refund is negative */
                amount: number;
                /** @description A tip taken with it (negative on a refund that gave it back) */
                tip?: number;
                /** @description The part of a split bill it paid */
                part?: number;
                /** @description Who took it (whose tip it is) */
                staffId?: string;
                /** @description A refund: the payment it gave money back to */
                refundOf?: string;
                tendered?: number;
                change?: number;
                reference?: string;
                /** @description Last four digits from the terminal; never the card number */
                cardLast4?: string;
                at: string;
              }[];
              /** @enum {string} */
              channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              /** @enum {string} */
              orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
              guestName?: string;
              /** @description The loyalty member it is for: it earns them points when paid */
              memberId?: string;
              lines: {
                lineId: string;
                itemId: string;
                variantId?: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                variantName?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                modifiers: {
                  groupId: string;
                  optionId: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  price: number;
                  /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                  default?: boolean;
                }[];
                quantity: number;
                note?: string;
                station: string;
                allergens: string[];
                /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                parts?: {
                  slotId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Where this slot item is made: its own item’s station */
                  station: string;
                  allergens: string[];
                  /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                  choices: number;
                }[];
                /** @description Item or variant price plus modifier upcharges, minor units */
                unitPrice: number;
                /** @description unitPrice × quantity, minor units */
                lineTotal: number;
                /**
                 * @description Promotions and rewards taken off this line
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax of this line (added, or held in the price with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays for this line */
                total?: number;
                /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                round?: number;
                /** @description Given back in a refund by lines (ISO 8601) */
                refundedAt?: string;
              }[];
              totals: {
                currency: string;
                /** @description Σ line totals before discounts */
                subtotal: number;
                /**
                 * @description Promotions and rewards taken off
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax added on top (or held in the prices, with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays */
                total: number;
              };
              /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
              pricing?: {
                discounts: {
                  promotionId: string;
                  explanation: string;
                  amount: number;
                }[];
                taxes: {
                  name: string;
                  rate: string;
                  inclusive: boolean;
                  amount: number;
                  /** @description The rate in the tax rules (what a line’s taxes name) */
                  rateId?: string;
                }[];
                /** @description Points this order earns */
                loyaltyPoints: number;
                /** @description Points the loyalty rewards it redeems cost */
                loyaltyPointsRedeemed?: number;
                /** @description The moment it was priced, on the store's clock */
                localTime: string;
                /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                overrides?: {
                  lineId: string;
                  explanation: string;
                }[];
              };
              /** @description ISO 8601 */
              placedAt: string;
              paidAt?: string;
              firedAt?: string;
              readyAt?: string;
              pickedUpAt?: string;
              /** @description Completed, cancelled, voided or refunded */
              closedAt?: string;
              /** @description Still to pay, minor units (0 once paid) */
              due?: number;
              /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
              tipTotal?: number;
              /** @description The bill split: each part with its amount, what is paid and what is due */
              split?: {
                /** @enum {string} */
                kind: 'even' | 'lines';
                parts: {
                  /** @description 1-based: what a payment names */
                  part: number;
                  /** @description What the part comes to (an even split shares the total by largest remainder) */
                  amount: number;
                  /** @description Taken for it so far (net of refunds) */
                  paid: number;
                  due: number;
                  /** @description Split by lines: its lines */
                  lineIds?: string[];
                }[];
              };
              /** @description The staff member whose open ticket it is */
              owner?: {
                staffId: string;
                name?: string;
              };
              /** @description Held as an open ticket since (on no counter); absent once recalled */
              heldAt?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        402: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/fire': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send the order to the kitchen now (e.g. a counter order before it is paid) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description Order number to call out, unique per business day */
              number: number;
              businessDay: string;
              /** @enum {string} */
              status:
                | 'placed'
                | 'paid'
                | 'in_kitchen'
                | 'ready'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'voided'
                | 'refunded';
              /** @enum {string} */
              payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
              table?: string;
              promisedAt?: string;
              /** @description Promised time, or placed time plus prep time: the kitchen priority */
              dueAt: string;
              rush: boolean;
              /** @description One ticket per station, made when the order fires */
              tickets: {
                id: string;
                station: string;
                /** @enum {string} */
                status: 'open' | 'bumped';
                firedAt: string;
                bumpedAt?: string;
                items: {
                  lineId: string;
                  bumpedAt?: string;
                }[];
              }[];
              payments: {
                id: string;
                /** @enum {string} */
                method: 'card' | 'cash' | 'external';
                /** @description Towards the order, minor units; a refund is negative */
                amount: number;
                /** @description A tip taken with it (negative on a refund that gave it back) */
                tip?: number;
                /** @description The part of a split bill it paid */
                part?: number;
                /** @description Who took it (whose tip it is) */
                staffId?: string;
                /** @description A refund: the payment it gave money back to */
                refundOf?: string;
                tendered?: number;
                change?: number;
                reference?: string;
                /** @description Last four digits from the terminal; never the card number */
                cardLast4?: string;
                at: string;
              }[];
              /** @enum {string} */
              channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              /** @enum {string} */
              orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
              guestName?: string;
              /** @description The loyalty member it is for: it earns them points when paid */
              memberId?: string;
              lines: {
                lineId: string;
                itemId: string;
                variantId?: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                variantName?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                modifiers: {
                  groupId: string;
                  optionId: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  price: number;
                  /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                  default?: boolean;
                }[];
                quantity: number;
                note?: string;
                station: string;
                allergens: string[];
                /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                parts?: {
                  slotId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Where this slot item is made: its own item’s station */
                  station: string;
                  allergens: string[];
                  /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                  choices: number;
                }[];
                /** @description Item or variant price plus modifier upcharges, minor units */
                unitPrice: number;
                /** @description unitPrice × quantity, minor units */
                lineTotal: number;
                /**
                 * @description Promotions and rewards taken off this line
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax of this line (added, or held in the price with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays for this line */
                total?: number;
                /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                round?: number;
                /** @description Given back in a refund by lines (ISO 8601) */
                refundedAt?: string;
              }[];
              totals: {
                currency: string;
                /** @description Σ line totals before discounts */
                subtotal: number;
                /**
                 * @description Promotions and rewards taken off
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax added on top (or held in the prices, with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays */
                total: number;
              };
              /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
              pricing?: {
                discounts: {
                  promotionId: string;
                  explanation: string;
                  amount: number;
                }[];
                taxes: {
                  name: string;
                  rate: string;
                  inclusive: boolean;
                  amount: number;
                  /** @description The rate in the tax rules (what a line’s taxes name) */
                  rateId?: string;
                }[];
                /** @description Points this order earns */
                loyaltyPoints: number;
                /** @description Points the loyalty rewards it redeems cost */
                loyaltyPointsRedeemed?: number;
                /** @description The moment it was priced, on the store's clock */
                localTime: string;
                /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                overrides?: {
                  lineId: string;
                  explanation: string;
                }[];
              };
              /** @description ISO 8601 */
              placedAt: string;
              paidAt?: string;
              firedAt?: string;
              readyAt?: string;
              pickedUpAt?: string;
              /** @description Completed, cancelled, voided or refunded */
              closedAt?: string;
              /** @description Still to pay, minor units (0 once paid) */
              due?: number;
              /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
              tipTotal?: number;
              /** @description The bill split: each part with its amount, what is paid and what is due */
              split?: {
                /** @enum {string} */
                kind: 'even' | 'lines';
                parts: {
                  /** @description 1-based: what a payment names */
                  part: number;
                  /** @description What the part comes to (an even split shares the total by largest remainder) */
                  amount: number;
                  /** @description Taken for it so far (net of refunds) */
                  paid: number;
                  due: number;
                  /** @description Split by lines: its lines */
                  lineIds?: string[];
                }[];
              };
              /** @description The staff member whose open ticket it is */
              owner?: {
                staffId: string;
                name?: string;
              };
              /** @description Held as an open ticket since (on no counter); absent once recalled */
              heldAt?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/pick-up': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The guest has picked the order up */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description Order number to call out, unique per business day */
              number: number;
              businessDay: string;
              /** @enum {string} */
              status:
                | 'placed'
                | 'paid'
                | 'in_kitchen'
                | 'ready'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'voided'
                | 'refunded';
              /** @enum {string} */
              payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
              table?: string;
              promisedAt?: string;
              /** @description Promised time, or placed time plus prep time: the kitchen priority */
              dueAt: string;
              rush: boolean;
              /** @description One ticket per station, made when the order fires */
              tickets: {
                id: string;
                station: string;
                /** @enum {string} */
                status: 'open' | 'bumped';
                firedAt: string;
                bumpedAt?: string;
                items: {
                  lineId: string;
                  bumpedAt?: string;
                }[];
              }[];
              payments: {
                id: string;
                /** @enum {string} */
                method: 'card' | 'cash' | 'external';
                /** @description Towards the order, minor units; a refund is negative */
                amount: number;
                /** @description A tip taken with it (negative on a refund that gave it back) */
                tip?: number;
                /** @description The part of a split bill it paid */
                part?: number;
                /** @description Who took it (whose tip it is) */
                staffId?: string;
                /** @description A refund: the payment it gave money back to */
                refundOf?: string;
                tendered?: number;
                change?: number;
                reference?: string;
                /** @description Last four digits from the terminal; never the card number */
                cardLast4?: string;
                at: string;
              }[];
              /** @enum {string} */
              channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              /** @enum {string} */
              orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
              guestName?: string;
              /** @description The loyalty member it is for: it earns them points when paid */
              memberId?: string;
              lines: {
                lineId: string;
                itemId: string;
                variantId?: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                variantName?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                modifiers: {
                  groupId: string;
                  optionId: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  price: number;
                  /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                  default?: boolean;
                }[];
                quantity: number;
                note?: string;
                station: string;
                allergens: string[];
                /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                parts?: {
                  slotId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Where this slot item is made: its own item’s station */
                  station: string;
                  allergens: string[];
                  /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                  choices: number;
                }[];
                /** @description Item or variant price plus modifier upcharges, minor units */
                unitPrice: number;
                /** @description unitPrice × quantity, minor units */
                lineTotal: number;
                /**
                 * @description Promotions and rewards taken off this line
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax of this line (added, or held in the price with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays for this line */
                total?: number;
                /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                round?: number;
                /** @description Given back in a refund by lines (ISO 8601) */
                refundedAt?: string;
              }[];
              totals: {
                currency: string;
                /** @description Σ line totals before discounts */
                subtotal: number;
                /**
                 * @description Promotions and rewards taken off
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax added on top (or held in the prices, with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays */
                total: number;
              };
              /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
              pricing?: {
                discounts: {
                  promotionId: string;
                  explanation: string;
                  amount: number;
                }[];
                taxes: {
                  name: string;
                  rate: string;
                  inclusive: boolean;
                  amount: number;
                  /** @description The rate in the tax rules (what a line’s taxes name) */
                  rateId?: string;
                }[];
                /** @description Points this order earns */
                loyaltyPoints: number;
                /** @description Points the loyalty rewards it redeems cost */
                loyaltyPointsRedeemed?: number;
                /** @description The moment it was priced, on the store's clock */
                localTime: string;
                /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                overrides?: {
                  lineId: string;
                  explanation: string;
                }[];
              };
              /** @description ISO 8601 */
              placedAt: string;
              paidAt?: string;
              firedAt?: string;
              readyAt?: string;
              pickedUpAt?: string;
              /** @description Completed, cancelled, voided or refunded */
              closedAt?: string;
              /** @description Still to pay, minor units (0 once paid) */
              due?: number;
              /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
              tipTotal?: number;
              /** @description The bill split: each part with its amount, what is paid and what is due */
              split?: {
                /** @enum {string} */
                kind: 'even' | 'lines';
                parts: {
                  /** @description 1-based: what a payment names */
                  part: number;
                  /** @description What the part comes to (an even split shares the total by largest remainder) */
                  amount: number;
                  /** @description Taken for it so far (net of refunds) */
                  paid: number;
                  due: number;
                  /** @description Split by lines: its lines */
                  lineIds?: string[];
                }[];
              };
              /** @description The staff member whose open ticket it is */
              owner?: {
                staffId: string;
                name?: string;
              };
              /** @description Held as an open ticket since (on no counter); absent once recalled */
              heldAt?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A dine-in order served, or a delivery handed to the courier */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description Order number to call out, unique per business day */
              number: number;
              businessDay: string;
              /** @enum {string} */
              status:
                | 'placed'
                | 'paid'
                | 'in_kitchen'
                | 'ready'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'voided'
                | 'refunded';
              /** @enum {string} */
              payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
              table?: string;
              promisedAt?: string;
              /** @description Promised time, or placed time plus prep time: the kitchen priority */
              dueAt: string;
              rush: boolean;
              /** @description One ticket per station, made when the order fires */
              tickets: {
                id: string;
                station: string;
                /** @enum {string} */
                status: 'open' | 'bumped';
                firedAt: string;
                bumpedAt?: string;
                items: {
                  lineId: string;
                  bumpedAt?: string;
                }[];
              }[];
              payments: {
                id: string;
                /** @enum {string} */
                method: 'card' | 'cash' | 'external';
                /** @description Towards the order, minor units; a refund is negative */
                amount: number;
                /** @description A tip taken with it (negative on a refund that gave it back) */
                tip?: number;
                /** @description The part of a split bill it paid */
                part?: number;
                /** @description Who took it (whose tip it is) */
                staffId?: string;
                /** @description A refund: the payment it gave money back to */
                refundOf?: string;
                tendered?: number;
                change?: number;
                reference?: string;
                /** @description Last four digits from the terminal; never the card number */
                cardLast4?: string;
                at: string;
              }[];
              /** @enum {string} */
              channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              /** @enum {string} */
              orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
              guestName?: string;
              /** @description The loyalty member it is for: it earns them points when paid */
              memberId?: string;
              lines: {
                lineId: string;
                itemId: string;
                variantId?: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                variantName?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                modifiers: {
                  groupId: string;
                  optionId: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  price: number;
                  /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                  default?: boolean;
                }[];
                quantity: number;
                note?: string;
                station: string;
                allergens: string[];
                /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                parts?: {
                  slotId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Where this slot item is made: its own item’s station */
                  station: string;
                  allergens: string[];
                  /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                  choices: number;
                }[];
                /** @description Item or variant price plus modifier upcharges, minor units */
                unitPrice: number;
                /** @description unitPrice × quantity, minor units */
                lineTotal: number;
                /**
                 * @description Promotions and rewards taken off this line
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax of this line (added, or held in the price with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays for this line */
                total?: number;
                /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                round?: number;
                /** @description Given back in a refund by lines (ISO 8601) */
                refundedAt?: string;
              }[];
              totals: {
                currency: string;
                /** @description Σ line totals before discounts */
                subtotal: number;
                /**
                 * @description Promotions and rewards taken off
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax added on top (or held in the prices, with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays */
                total: number;
              };
              /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
              pricing?: {
                discounts: {
                  promotionId: string;
                  explanation: string;
                  amount: number;
                }[];
                taxes: {
                  name: string;
                  rate: string;
                  inclusive: boolean;
                  amount: number;
                  /** @description The rate in the tax rules (what a line’s taxes name) */
                  rateId?: string;
                }[];
                /** @description Points this order earns */
                loyaltyPoints: number;
                /** @description Points the loyalty rewards it redeems cost */
                loyaltyPointsRedeemed?: number;
                /** @description The moment it was priced, on the store's clock */
                localTime: string;
                /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                overrides?: {
                  lineId: string;
                  explanation: string;
                }[];
              };
              /** @description ISO 8601 */
              placedAt: string;
              paidAt?: string;
              firedAt?: string;
              readyAt?: string;
              pickedUpAt?: string;
              /** @description Completed, cancelled, voided or refunded */
              closedAt?: string;
              /** @description Still to pay, minor units (0 once paid) */
              due?: number;
              /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
              tipTotal?: number;
              /** @description The bill split: each part with its amount, what is paid and what is due */
              split?: {
                /** @enum {string} */
                kind: 'even' | 'lines';
                parts: {
                  /** @description 1-based: what a payment names */
                  part: number;
                  /** @description What the part comes to (an even split shares the total by largest remainder) */
                  amount: number;
                  /** @description Taken for it so far (net of refunds) */
                  paid: number;
                  due: number;
                  /** @description Split by lines: its lines */
                  lineIds?: string[];
                }[];
              };
              /** @description The staff member whose open ticket it is */
              owner?: {
                staffId: string;
                name?: string;
              };
              /** @description Held as an open ticket since (on no counter); absent once recalled */
              heldAt?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel an order that is neither paid nor in the kitchen */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description Order number to call out, unique per business day */
              number: number;
              businessDay: string;
              /** @enum {string} */
              status:
                | 'placed'
                | 'paid'
                | 'in_kitchen'
                | 'ready'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'voided'
                | 'refunded';
              /** @enum {string} */
              payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
              table?: string;
              promisedAt?: string;
              /** @description Promised time, or placed time plus prep time: the kitchen priority */
              dueAt: string;
              rush: boolean;
              /** @description One ticket per station, made when the order fires */
              tickets: {
                id: string;
                station: string;
                /** @enum {string} */
                status: 'open' | 'bumped';
                firedAt: string;
                bumpedAt?: string;
                items: {
                  lineId: string;
                  bumpedAt?: string;
                }[];
              }[];
              payments: {
                id: string;
                /** @enum {string} */
                method: 'card' | 'cash' | 'external';
                /** @description Towards the order, minor units; a refund is negative */
                amount: number;
                /** @description A tip taken with it (negative on a refund that gave it back) */
                tip?: number;
                /** @description The part of a split bill it paid */
                part?: number;
                /** @description Who took it (whose tip it is) */
                staffId?: string;
                /** @description A refund: the payment it gave money back to */
                refundOf?: string;
                tendered?: number;
                change?: number;
                reference?: string;
                /** @description Last four digits from the terminal; never the card number */
                cardLast4?: string;
                at: string;
              }[];
              /** @enum {string} */
              channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              /** @enum {string} */
              orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
              guestName?: string;
              /** @description The loyalty member it is for: it earns them points when paid */
              memberId?: string;
              lines: {
                lineId: string;
                itemId: string;
                variantId?: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                variantName?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                modifiers: {
                  groupId: string;
                  optionId: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  price: number;
                  /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                  default?: boolean;
                }[];
                quantity: number;
                note?: string;
                station: string;
                allergens: string[];
                /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                parts?: {
                  slotId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Where this slot item is made: its own item’s station */
                  station: string;
                  allergens: string[];
                  /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                  choices: number;
                }[];
                /** @description Item or variant price plus modifier upcharges, minor units */
                unitPrice: number;
                /** @description unitPrice × quantity, minor units */
                lineTotal: number;
                /**
                 * @description Promotions and rewards taken off this line
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax of this line (added, or held in the price with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays for this line */
                total?: number;
                /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                round?: number;
                /** @description Given back in a refund by lines (ISO 8601) */
                refundedAt?: string;
              }[];
              totals: {
                currency: string;
                /** @description Σ line totals before discounts */
                subtotal: number;
                /**
                 * @description Promotions and rewards taken off
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax added on top (or held in the prices, with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays */
                total: number;
              };
              /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
              pricing?: {
                discounts: {
                  promotionId: string;
                  explanation: string;
                  amount: number;
                }[];
                taxes: {
                  name: string;
                  rate: string;
                  inclusive: boolean;
                  amount: number;
                  /** @description The rate in the tax rules (what a line’s taxes name) */
                  rateId?: string;
                }[];
                /** @description Points this order earns */
                loyaltyPoints: number;
                /** @description Points the loyalty rewards it redeems cost */
                loyaltyPointsRedeemed?: number;
                /** @description The moment it was priced, on the store's clock */
                localTime: string;
                /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                overrides?: {
                  lineId: string;
                  explanation: string;
                }[];
              };
              /** @description ISO 8601 */
              placedAt: string;
              paidAt?: string;
              firedAt?: string;
              readyAt?: string;
              pickedUpAt?: string;
              /** @description Completed, cancelled, voided or refunded */
              closedAt?: string;
              /** @description Still to pay, minor units (0 once paid) */
              due?: number;
              /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
              tipTotal?: number;
              /** @description The bill split: each part with its amount, what is paid and what is due */
              split?: {
                /** @enum {string} */
                kind: 'even' | 'lines';
                parts: {
                  /** @description 1-based: what a payment names */
                  part: number;
                  /** @description What the part comes to (an even split shares the total by largest remainder) */
                  amount: number;
                  /** @description Taken for it so far (net of refunds) */
                  paid: number;
                  due: number;
                  /** @description Split by lines: its lines */
                  lineIds?: string[];
                }[];
              };
              /** @description The staff member whose open ticket it is */
              owner?: {
                staffId: string;
                name?: string;
              };
              /** @description Held as an open ticket since (on no counter); absent once recalled */
              heldAt?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/payments/attention': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Card payments that need a person: approvals the store could not record whose reversal is still being retried, and payments whose outcome the terminal could not tell after a restart */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Oldest first */
              items: {
                intentId: string;
                orderId: string;
                /** @description The order’s number on its business day */
                orderNumber?: number;
                businessDay?: string;
                /** @enum {string} */
                method: 'card';
                /** @description Minor units */
                amount: number;
                currency: string;
                /** @enum {string} */
                status:
                  'open' | 'approved' | 'approved-offline' | 'declined' | 'failed' | 'reversal-pending' | 'reversed';
                /** @description The terminal’s transaction reference */
                reference?: string;
                /** @description What happened and what to do, in words for a manager */
                reason: string;
                reversalAttempts: number;
                lastError?: string;
                /** @description When the edge tries the reversal again */
                nextAttemptAt?: string;
                startedAt: string;
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/discount': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Discount or comp an unpaid order or one of its lines (a manager's PIN on the same request for a comp or past the store's limit) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description "order", or {"lineId"} for one line
             * @default order
             */
            scope?:
              | 'order'
              | {
                  lineId: string;
                };
            /**
             * @description percent or amount off what is left, or comp: everything left (always needs a manager)
             * @enum {string}
             */
            kind: 'percent' | 'amount' | 'comp';
            /** @description percent: parts per million (10% = 100000); amount: minor units; comp: leave out */
            value?: number;
            reason: string;
            /** @description A manager's approval: needed for a comp, or a discount past the store's limit */
            override?: {
              /** @description The approving manager */
              staffId: string;
              /** @description Staff PIN, 4–8 digits; never stored or logged, only its argon2id hash */
              pin: string;
            };
          };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description Order number to call out, unique per business day */
              number: number;
              businessDay: string;
              /** @enum {string} */
              status:
                | 'placed'
                | 'paid'
                | 'in_kitchen'
                | 'ready'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'voided'
                | 'refunded';
              /** @enum {string} */
              payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
              table?: string;
              promisedAt?: string;
              /** @description Promised time, or placed time plus prep time: the kitchen priority */
              dueAt: string;
              rush: boolean;
              /** @description One ticket per station, made when the order fires */
              tickets: {
                id: string;
                station: string;
                /** @enum {string} */
                status: 'open' | 'bumped';
                firedAt: string;
                bumpedAt?: string;
                items: {
                  lineId: string;
                  bumpedAt?: string;
                }[];
              }[];
              payments: {
                id: string;
                /** @enum {string} */
                method: 'card' | 'cash' | 'external';
                /** @description Towards the order, minor units; a refund is negative */
                amount: number;
                /** @description A tip taken with it (negative on a refund that gave it back) */
                tip?: number;
                /** @description The part of a split bill it paid */
                part?: number;
                /** @description Who took it (whose tip it is) */
                staffId?: string;
                /** @description A refund: the payment it gave money back to */
                refundOf?: string;
                tendered?: number;
                change?: number;
                reference?: string;
                /** @description Last four digits from the terminal; never the card number */
                cardLast4?: string;
                at: string;
              }[];
              /** @enum {string} */
              channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              /** @enum {string} */
              orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
              guestName?: string;
              /** @description The loyalty member it is for: it earns them points when paid */
              memberId?: string;
              lines: {
                lineId: string;
                itemId: string;
                variantId?: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                variantName?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                modifiers: {
                  groupId: string;
                  optionId: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  price: number;
                  /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                  default?: boolean;
                }[];
                quantity: number;
                note?: string;
                station: string;
                allergens: string[];
                /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                parts?: {
                  slotId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Where this slot item is made: its own item’s station */
                  station: string;
                  allergens: string[];
                  /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                  choices: number;
                }[];
                /** @description Item or variant price plus modifier upcharges, minor units */
                unitPrice: number;
                /** @description unitPrice × quantity, minor units */
                lineTotal: number;
                /**
                 * @description Promotions and rewards taken off this line
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax of this line (added, or held in the price with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays for this line */
                total?: number;
                /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                round?: number;
                /** @description Given back in a refund by lines (ISO 8601) */
                refundedAt?: string;
              }[];
              totals: {
                currency: string;
                /** @description Σ line totals before discounts */
                subtotal: number;
                /**
                 * @description Promotions and rewards taken off
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax added on top (or held in the prices, with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays */
                total: number;
              };
              /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
              pricing?: {
                discounts: {
                  promotionId: string;
                  explanation: string;
                  amount: number;
                }[];
                taxes: {
                  name: string;
                  rate: string;
                  inclusive: boolean;
                  amount: number;
                  /** @description The rate in the tax rules (what a line’s taxes name) */
                  rateId?: string;
                }[];
                /** @description Points this order earns */
                loyaltyPoints: number;
                /** @description Points the loyalty rewards it redeems cost */
                loyaltyPointsRedeemed?: number;
                /** @description The moment it was priced, on the store's clock */
                localTime: string;
                /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                overrides?: {
                  lineId: string;
                  explanation: string;
                }[];
              };
              /** @description ISO 8601 */
              placedAt: string;
              paidAt?: string;
              firedAt?: string;
              readyAt?: string;
              pickedUpAt?: string;
              /** @description Completed, cancelled, voided or refunded */
              closedAt?: string;
              /** @description Still to pay, minor units (0 once paid) */
              due?: number;
              /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
              tipTotal?: number;
              /** @description The bill split: each part with its amount, what is paid and what is due */
              split?: {
                /** @enum {string} */
                kind: 'even' | 'lines';
                parts: {
                  /** @description 1-based: what a payment names */
                  part: number;
                  /** @description What the part comes to (an even split shares the total by largest remainder) */
                  amount: number;
                  /** @description Taken for it so far (net of refunds) */
                  paid: number;
                  due: number;
                  /** @description Split by lines: its lines */
                  lineIds?: string[];
                }[];
              };
              /** @description The staff member whose open ticket it is */
              owner?: {
                staffId: string;
                name?: string;
              };
              /** @description Held as an open ticket since (on no counter); absent once recalled */
              heldAt?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/lines/{lineId}/price': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set the price of one unit of a line of an unpaid order (manager override: a manager's PIN on the same screen) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          lineId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The new price of one unit before modifiers, minor units */
            unitPrice: number;
            reason: string;
            override: {
              /** @description The approving manager */
              staffId: string;
              /** @description Staff PIN, 4–8 digits; never stored or logged, only its argon2id hash */
              pin: string;
            };
          };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description Order number to call out, unique per business day */
              number: number;
              businessDay: string;
              /** @enum {string} */
              status:
                | 'placed'
                | 'paid'
                | 'in_kitchen'
                | 'ready'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'voided'
                | 'refunded';
              /** @enum {string} */
              payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
              table?: string;
              promisedAt?: string;
              /** @description Promised time, or placed time plus prep time: the kitchen priority */
              dueAt: string;
              rush: boolean;
              /** @description One ticket per station, made when the order fires */
              tickets: {
                id: string;
                station: string;
                /** @enum {string} */
                status: 'open' | 'bumped';
                firedAt: string;
                bumpedAt?: string;
                items: {
                  lineId: string;
                  bumpedAt?: string;
                }[];
              }[];
              payments: {
                id: string;
                /** @enum {string} */
                method: 'card' | 'cash' | 'external';
                /** @description Towards the order, minor units; a refund is negative */
                amount: number;
                /** @description A tip taken with it (negative on a refund that gave it back) */
                tip?: number;
                /** @description The part of a split bill it paid */
                part?: number;
                /** @description Who took it (whose tip it is) */
                staffId?: string;
                /** @description A refund: the payment it gave money back to */
                refundOf?: string;
                tendered?: number;
                change?: number;
                reference?: string;
                /** @description Last four digits from the terminal; never the card number */
                cardLast4?: string;
                at: string;
              }[];
              /** @enum {string} */
              channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              /** @enum {string} */
              orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
              guestName?: string;
              /** @description The loyalty member it is for: it earns them points when paid */
              memberId?: string;
              lines: {
                lineId: string;
                itemId: string;
                variantId?: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                variantName?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                modifiers: {
                  groupId: string;
                  optionId: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  price: number;
                  /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                  default?: boolean;
                }[];
                quantity: number;
                note?: string;
                station: string;
                allergens: string[];
                /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                parts?: {
                  slotId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Where this slot item is made: its own item’s station */
                  station: string;
                  allergens: string[];
                  /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                  choices: number;
                }[];
                /** @description Item or variant price plus modifier upcharges, minor units */
                unitPrice: number;
                /** @description unitPrice × quantity, minor units */
                lineTotal: number;
                /**
                 * @description Promotions and rewards taken off this line
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax of this line (added, or held in the price with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays for this line */
                total?: number;
                /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                round?: number;
                /** @description Given back in a refund by lines (ISO 8601) */
                refundedAt?: string;
              }[];
              totals: {
                currency: string;
                /** @description Σ line totals before discounts */
                subtotal: number;
                /**
                 * @description Promotions and rewards taken off
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax added on top (or held in the prices, with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays */
                total: number;
              };
              /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
              pricing?: {
                discounts: {
                  promotionId: string;
                  explanation: string;
                  amount: number;
                }[];
                taxes: {
                  name: string;
                  rate: string;
                  inclusive: boolean;
                  amount: number;
                  /** @description The rate in the tax rules (what a line’s taxes name) */
                  rateId?: string;
                }[];
                /** @description Points this order earns */
                loyaltyPoints: number;
                /** @description Points the loyalty rewards it redeems cost */
                loyaltyPointsRedeemed?: number;
                /** @description The moment it was priced, on the store's clock */
                localTime: string;
                /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                overrides?: {
                  lineId: string;
                  explanation: string;
                }[];
              };
              /** @description ISO 8601 */
              placedAt: string;
              paidAt?: string;
              firedAt?: string;
              readyAt?: string;
              pickedUpAt?: string;
              /** @description Completed, cancelled, voided or refunded */
              closedAt?: string;
              /** @description Still to pay, minor units (0 once paid) */
              due?: number;
              /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
              tipTotal?: number;
              /** @description The bill split: each part with its amount, what is paid and what is due */
              split?: {
                /** @enum {string} */
                kind: 'even' | 'lines';
                parts: {
                  /** @description 1-based: what a payment names */
                  part: number;
                  /** @description What the part comes to (an even split shares the total by largest remainder) */
                  amount: number;
                  /** @description Taken for it so far (net of refunds) */
                  paid: number;
                  due: number;
                  /** @description Split by lines: its lines */
                  lineIds?: string[];
                }[];
              };
              /** @description The staff member whose open ticket it is */
              owner?: {
                staffId: string;
                name?: string;
              };
              /** @description Held as an open ticket since (on no counter); absent once recalled */
              heldAt?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/kitchen/config': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Stations, timer thresholds, bump bar keys and display times for the kitchen screens */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              stations: {
                /** @description Station id, used in URLs (/kds/bar) */
                id: string;
                /** @description Name shown on the KDS */
                name: string;
                /**
                 * @description Catalog categories routed here (overrides the catalog)
                 * @default []
                 */
                categories: string[];
                /**
                 * @description Catalog items routed here (overrides everything else)
                 * @default []
                 */
                items: string[];
                /**
                 * @description Ticket timer turns amber after this
                 * @default 180
                 */
                warnAfterSeconds: number;
                /**
                 * @description Ticket timer turns red after this
                 * @default 360
                 */
                lateAfterSeconds: number;
                /**
                 * @description Usual time to make an order here; scheduled orders fire this early
                 * @default 5
                 */
                prepMinutes: number;
                /**
                 * @description Also print each ticket at this station
                 * @default false
                 */
                printTickets: boolean;
              }[];
              defaultStation: string;
              /** @description An order is ready as soon as every station has bumped it */
              expoAutoReady: boolean;
              bumpBar: {
                /**
                 * @description Select the next ticket
                 * @default ArrowRight
                 */
                next: string;
                /**
                 * @description Select the previous ticket
                 * @default ArrowLeft
                 */
                previous: string;
                /**
                 * @description Select the next item of the selected ticket
                 * @default ArrowDown
                 */
                nextItem: string;
                /**
                 * @description Select the previous item
                 * @default ArrowUp
                 */
                previousItem: string;
                /**
                 * @description Bump the selected ticket
                 * @default Enter
                 */
                bump: string;
                /**
                 * @description Bump the selected item
                 * @default
                 */
                bumpItem: string;
                /**
                 * @description Open the recall list / recall the selected bumped ticket
                 * @default r
                 */
                recall: string;
                /**
                 * @description Undo the last bump at this station
                 * @default u
                 */
                undo: string;
              };
              /** @description How long bumped tickets stay in the recall list */
              recallMinutes: number;
              /** @description Ready orders leave the pickup board after this */
              pickupReadyMinutes: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tickets/{id}/bump': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Bump a station ticket (all its items are done) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description Order number to call out, unique per business day */
              number: number;
              businessDay: string;
              /** @enum {string} */
              status:
                | 'placed'
                | 'paid'
                | 'in_kitchen'
                | 'ready'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'voided'
                | 'refunded';
              /** @enum {string} */
              payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
              table?: string;
              promisedAt?: string;
              /** @description Promised time, or placed time plus prep time: the kitchen priority */
              dueAt: string;
              rush: boolean;
              /** @description One ticket per station, made when the order fires */
              tickets: {
                id: string;
                station: string;
                /** @enum {string} */
                status: 'open' | 'bumped';
                firedAt: string;
                bumpedAt?: string;
                items: {
                  lineId: string;
                  bumpedAt?: string;
                }[];
              }[];
              payments: {
                id: string;
                /** @enum {string} */
                method: 'card' | 'cash' | 'external';
                /** @description Towards the order, minor units; a refund is negative */
                amount: number;
                /** @description A tip taken with it (negative on a refund that gave it back) */
                tip?: number;
                /** @description The part of a split bill it paid */
                part?: number;
                /** @description Who took it (whose tip it is) */
                staffId?: string;
                /** @description A refund: the payment it gave money back to */
                refundOf?: string;
                tendered?: number;
                change?: number;
                reference?: string;
                /** @description Last four digits from the terminal; never the card number */
                cardLast4?: string;
                at: string;
              }[];
              /** @enum {string} */
              channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              /** @enum {string} */
              orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
              guestName?: string;
              /** @description The loyalty member it is for: it earns them points when paid */
              memberId?: string;
              lines: {
                lineId: string;
                itemId: string;
                variantId?: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                variantName?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                modifiers: {
                  groupId: string;
                  optionId: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  price: number;
                  /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                  default?: boolean;
                }[];
                quantity: number;
                note?: string;
                station: string;
                allergens: string[];
                /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                parts?: {
                  slotId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Where this slot item is made: its own item’s station */
                  station: string;
                  allergens: string[];
                  /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                  choices: number;
                }[];
                /** @description Item or variant price plus modifier upcharges, minor units */
                unitPrice: number;
                /** @description unitPrice × quantity, minor units */
                lineTotal: number;
                /**
                 * @description Promotions and rewards taken off this line
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax of this line (added, or held in the price with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays for this line */
                total?: number;
                /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                round?: number;
                /** @description Given back in a refund by lines (ISO 8601) */
                refundedAt?: string;
              }[];
              totals: {
                currency: string;
                /** @description Σ line totals before discounts */
                subtotal: number;
                /**
                 * @description Promotions and rewards taken off
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax added on top (or held in the prices, with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays */
                total: number;
              };
              /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
              pricing?: {
                discounts: {
                  promotionId: string;
                  explanation: string;
                  amount: number;
                }[];
                taxes: {
                  name: string;
                  rate: string;
                  inclusive: boolean;
                  amount: number;
                  /** @description The rate in the tax rules (what a line’s taxes name) */
                  rateId?: string;
                }[];
                /** @description Points this order earns */
                loyaltyPoints: number;
                /** @description Points the loyalty rewards it redeems cost */
                loyaltyPointsRedeemed?: number;
                /** @description The moment it was priced, on the store's clock */
                localTime: string;
                /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                overrides?: {
                  lineId: string;
                  explanation: string;
                }[];
              };
              /** @description ISO 8601 */
              placedAt: string;
              paidAt?: string;
              firedAt?: string;
              readyAt?: string;
              pickedUpAt?: string;
              /** @description Completed, cancelled, voided or refunded */
              closedAt?: string;
              /** @description Still to pay, minor units (0 once paid) */
              due?: number;
              /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
              tipTotal?: number;
              /** @description The bill split: each part with its amount, what is paid and what is due */
              split?: {
                /** @enum {string} */
                kind: 'even' | 'lines';
                parts: {
                  /** @description 1-based: what a payment names */
                  part: number;
                  /** @description What the part comes to (an even split shares the total by largest remainder) */
                  amount: number;
                  /** @description Taken for it so far (net of refunds) */
                  paid: number;
                  due: number;
                  /** @description Split by lines: its lines */
                  lineIds?: string[];
                }[];
              };
              /** @description The staff member whose open ticket it is */
              owner?: {
                staffId: string;
                name?: string;
              };
              /** @description Held as an open ticket since (on no counter); absent once recalled */
              heldAt?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tickets/{id}/recall': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Bring a bumped ticket back to its station (and the order back from ready) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description Order number to call out, unique per business day */
              number: number;
              businessDay: string;
              /** @enum {string} */
              status:
                | 'placed'
                | 'paid'
                | 'in_kitchen'
                | 'ready'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'voided'
                | 'refunded';
              /** @enum {string} */
              payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
              table?: string;
              promisedAt?: string;
              /** @description Promised time, or placed time plus prep time: the kitchen priority */
              dueAt: string;
              rush: boolean;
              /** @description One ticket per station, made when the order fires */
              tickets: {
                id: string;
                station: string;
                /** @enum {string} */
                status: 'open' | 'bumped';
                firedAt: string;
                bumpedAt?: string;
                items: {
                  lineId: string;
                  bumpedAt?: string;
                }[];
              }[];
              payments: {
                id: string;
                /** @enum {string} */
                method: 'card' | 'cash' | 'external';
                /** @description Towards the order, minor units; a refund is negative */
                amount: number;
                /** @description A tip taken with it (negative on a refund that gave it back) */
                tip?: number;
                /** @description The part of a split bill it paid */
                part?: number;
                /** @description Who took it (whose tip it is) */
                staffId?: string;
                /** @description A refund: the payment it gave money back to */
                refundOf?: string;
                tendered?: number;
                change?: number;
                reference?: string;
                /** @description Last four digits from the terminal; never the card number */
                cardLast4?: string;
                at: string;
              }[];
              /** @enum {string} */
              channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              /** @enum {string} */
              orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
              guestName?: string;
              /** @description The loyalty member it is for: it earns them points when paid */
              memberId?: string;
              lines: {
                lineId: string;
                itemId: string;
                variantId?: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                variantName?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                modifiers: {
                  groupId: string;
                  optionId: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  price: number;
                  /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                  default?: boolean;
                }[];
                quantity: number;
                note?: string;
                station: string;
                allergens: string[];
                /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                parts?: {
                  slotId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Where this slot item is made: its own item’s station */
                  station: string;
                  allergens: string[];
                  /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                  choices: number;
                }[];
                /** @description Item or variant price plus modifier upcharges, minor units */
                unitPrice: number;
                /** @description unitPrice × quantity, minor units */
                lineTotal: number;
                /**
                 * @description Promotions and rewards taken off this line
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax of this line (added, or held in the price with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays for this line */
                total?: number;
                /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                round?: number;
                /** @description Given back in a refund by lines (ISO 8601) */
                refundedAt?: string;
              }[];
              totals: {
                currency: string;
                /** @description Σ line totals before discounts */
                subtotal: number;
                /**
                 * @description Promotions and rewards taken off
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax added on top (or held in the prices, with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays */
                total: number;
              };
              /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
              pricing?: {
                discounts: {
                  promotionId: string;
                  explanation: string;
                  amount: number;
                }[];
                taxes: {
                  name: string;
                  rate: string;
                  inclusive: boolean;
                  amount: number;
                  /** @description The rate in the tax rules (what a line’s taxes name) */
                  rateId?: string;
                }[];
                /** @description Points this order earns */
                loyaltyPoints: number;
                /** @description Points the loyalty rewards it redeems cost */
                loyaltyPointsRedeemed?: number;
                /** @description The moment it was priced, on the store's clock */
                localTime: string;
                /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                overrides?: {
                  lineId: string;
                  explanation: string;
                }[];
              };
              /** @description ISO 8601 */
              placedAt: string;
              paidAt?: string;
              firedAt?: string;
              readyAt?: string;
              pickedUpAt?: string;
              /** @description Completed, cancelled, voided or refunded */
              closedAt?: string;
              /** @description Still to pay, minor units (0 once paid) */
              due?: number;
              /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
              tipTotal?: number;
              /** @description The bill split: each part with its amount, what is paid and what is due */
              split?: {
                /** @enum {string} */
                kind: 'even' | 'lines';
                parts: {
                  /** @description 1-based: what a payment names */
                  part: number;
                  /** @description What the part comes to (an even split shares the total by largest remainder) */
                  amount: number;
                  /** @description Taken for it so far (net of refunds) */
                  paid: number;
                  due: number;
                  /** @description Split by lines: its lines */
                  lineIds?: string[];
                }[];
              };
              /** @description The staff member whose open ticket it is */
              owner?: {
                staffId: string;
                name?: string;
              };
              /** @description Held as an open ticket since (on no counter); absent once recalled */
              heldAt?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tickets/{id}/items/{lineId}/bump': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Bump one item of a ticket; bumping the last one bumps the ticket */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          lineId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description Order number to call out, unique per business day */
              number: number;
              businessDay: string;
              /** @enum {string} */
              status:
                | 'placed'
                | 'paid'
                | 'in_kitchen'
                | 'ready'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'voided'
                | 'refunded';
              /** @enum {string} */
              payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
              table?: string;
              promisedAt?: string;
              /** @description Promised time, or placed time plus prep time: the kitchen priority */
              dueAt: string;
              rush: boolean;
              /** @description One ticket per station, made when the order fires */
              tickets: {
                id: string;
                station: string;
                /** @enum {string} */
                status: 'open' | 'bumped';
                firedAt: string;
                bumpedAt?: string;
                items: {
                  lineId: string;
                  bumpedAt?: string;
                }[];
              }[];
              payments: {
                id: string;
                /** @enum {string} */
                method: 'card' | 'cash' | 'external';
                /** @description Towards the order, minor units; a refund is negative */
                amount: number;
                /** @description A tip taken with it (negative on a refund that gave it back) */
                tip?: number;
                /** @description The part of a split bill it paid */
                part?: number;
                /** @description Who took it (whose tip it is) */
                staffId?: string;
                /** @description A refund: the payment it gave money back to */
                refundOf?: string;
                tendered?: number;
                change?: number;
                reference?: string;
                /** @description Last four digits from the terminal; never the card number */
                cardLast4?: string;
                at: string;
              }[];
              /** @enum {string} */
              channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              /** @enum {string} */
              orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
              guestName?: string;
              /** @description The loyalty member it is for: it earns them points when paid */
              memberId?: string;
              lines: {
                lineId: string;
                itemId: string;
                variantId?: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                variantName?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                modifiers: {
                  groupId: string;
                  optionId: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  price: number;
                  /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                  default?: boolean;
                }[];
                quantity: number;
                note?: string;
                station: string;
                allergens: string[];
                /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                parts?: {
                  slotId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Where this slot item is made: its own item’s station */
                  station: string;
                  allergens: string[];
                  /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                  choices: number;
                }[];
                /** @description Item or variant price plus modifier upcharges, minor units */
                unitPrice: number;
                /** @description unitPrice × quantity, minor units */
                lineTotal: number;
                /**
                 * @description Promotions and rewards taken off this line
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax of this line (added, or held in the price with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays for this line */
                total?: number;
                /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                round?: number;
                /** @description Given back in a refund by lines (ISO 8601) */
                refundedAt?: string;
              }[];
              totals: {
                currency: string;
                /** @description Σ line totals before discounts */
                subtotal: number;
                /**
                 * @description Promotions and rewards taken off
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax added on top (or held in the prices, with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays */
                total: number;
              };
              /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
              pricing?: {
                discounts: {
                  promotionId: string;
                  explanation: string;
                  amount: number;
                }[];
                taxes: {
                  name: string;
                  rate: string;
                  inclusive: boolean;
                  amount: number;
                  /** @description The rate in the tax rules (what a line’s taxes name) */
                  rateId?: string;
                }[];
                /** @description Points this order earns */
                loyaltyPoints: number;
                /** @description Points the loyalty rewards it redeems cost */
                loyaltyPointsRedeemed?: number;
                /** @description The moment it was priced, on the store's clock */
                localTime: string;
                /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                overrides?: {
                  lineId: string;
                  explanation: string;
                }[];
              };
              /** @description ISO 8601 */
              placedAt: string;
              paidAt?: string;
              firedAt?: string;
              readyAt?: string;
              pickedUpAt?: string;
              /** @description Completed, cancelled, voided or refunded */
              closedAt?: string;
              /** @description Still to pay, minor units (0 once paid) */
              due?: number;
              /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
              tipTotal?: number;
              /** @description The bill split: each part with its amount, what is paid and what is due */
              split?: {
                /** @enum {string} */
                kind: 'even' | 'lines';
                parts: {
                  /** @description 1-based: what a payment names */
                  part: number;
                  /** @description What the part comes to (an even split shares the total by largest remainder) */
                  amount: number;
                  /** @description Taken for it so far (net of refunds) */
                  paid: number;
                  due: number;
                  /** @description Split by lines: its lines */
                  lineIds?: string[];
                }[];
              };
              /** @description The staff member whose open ticket it is */
              owner?: {
                staffId: string;
                name?: string;
              };
              /** @description Held as an open ticket since (on no counter); absent once recalled */
              heldAt?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tickets/{id}/items/{lineId}/unbump': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take back an item bump */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          lineId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description Order number to call out, unique per business day */
              number: number;
              businessDay: string;
              /** @enum {string} */
              status:
                | 'placed'
                | 'paid'
                | 'in_kitchen'
                | 'ready'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'voided'
                | 'refunded';
              /** @enum {string} */
              payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
              table?: string;
              promisedAt?: string;
              /** @description Promised time, or placed time plus prep time: the kitchen priority */
              dueAt: string;
              rush: boolean;
              /** @description One ticket per station, made when the order fires */
              tickets: {
                id: string;
                station: string;
                /** @enum {string} */
                status: 'open' | 'bumped';
                firedAt: string;
                bumpedAt?: string;
                items: {
                  lineId: string;
                  bumpedAt?: string;
                }[];
              }[];
              payments: {
                id: string;
                /** @enum {string} */
                method: 'card' | 'cash' | 'external';
                /** @description Towards the order, minor units; a refund is negative */
                amount: number;
                /** @description A tip taken with it (negative on a refund that gave it back) */
                tip?: number;
                /** @description The part of a split bill it paid */
                part?: number;
                /** @description Who took it (whose tip it is) */
                staffId?: string;
                /** @description A refund: the payment it gave money back to */
                refundOf?: string;
                tendered?: number;
                change?: number;
                reference?: string;
                /** @description Last four digits from the terminal; never the card number */
                cardLast4?: string;
                at: string;
              }[];
              /** @enum {string} */
              channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              /** @enum {string} */
              orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
              guestName?: string;
              /** @description The loyalty member it is for: it earns them points when paid */
              memberId?: string;
              lines: {
                lineId: string;
                itemId: string;
                variantId?: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                variantName?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                modifiers: {
                  groupId: string;
                  optionId: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  price: number;
                  /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                  default?: boolean;
                }[];
                quantity: number;
                note?: string;
                station: string;
                allergens: string[];
                /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                parts?: {
                  slotId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Where this slot item is made: its own item’s station */
                  station: string;
                  allergens: string[];
                  /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                  choices: number;
                }[];
                /** @description Item or variant price plus modifier upcharges, minor units */
                unitPrice: number;
                /** @description unitPrice × quantity, minor units */
                lineTotal: number;
                /**
                 * @description Promotions and rewards taken off this line
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax of this line (added, or held in the price with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays for this line */
                total?: number;
                /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                round?: number;
                /** @description Given back in a refund by lines (ISO 8601) */
                refundedAt?: string;
              }[];
              totals: {
                currency: string;
                /** @description Σ line totals before discounts */
                subtotal: number;
                /**
                 * @description Promotions and rewards taken off
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax added on top (or held in the prices, with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays */
                total: number;
              };
              /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
              pricing?: {
                discounts: {
                  promotionId: string;
                  explanation: string;
                  amount: number;
                }[];
                taxes: {
                  name: string;
                  rate: string;
                  inclusive: boolean;
                  amount: number;
                  /** @description The rate in the tax rules (what a line’s taxes name) */
                  rateId?: string;
                }[];
                /** @description Points this order earns */
                loyaltyPoints: number;
                /** @description Points the loyalty rewards it redeems cost */
                loyaltyPointsRedeemed?: number;
                /** @description The moment it was priced, on the store's clock */
                localTime: string;
                /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                overrides?: {
                  lineId: string;
                  explanation: string;
                }[];
              };
              /** @description ISO 8601 */
              placedAt: string;
              paidAt?: string;
              firedAt?: string;
              readyAt?: string;
              pickedUpAt?: string;
              /** @description Completed, cancelled, voided or refunded */
              closedAt?: string;
              /** @description Still to pay, minor units (0 once paid) */
              due?: number;
              /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
              tipTotal?: number;
              /** @description The bill split: each part with its amount, what is paid and what is due */
              split?: {
                /** @enum {string} */
                kind: 'even' | 'lines';
                parts: {
                  /** @description 1-based: what a payment names */
                  part: number;
                  /** @description What the part comes to (an even split shares the total by largest remainder) */
                  amount: number;
                  /** @description Taken for it so far (net of refunds) */
                  paid: number;
                  due: number;
                  /** @description Split by lines: its lines */
                  lineIds?: string[];
                }[];
              };
              /** @description The staff member whose open ticket it is */
              owner?: {
                staffId: string;
                name?: string;
              };
              /** @description Held as an open ticket since (on no counter); absent once recalled */
              heldAt?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/kitchen/stations/{station}/recall': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tickets this station bumped recently, newest first, that can be recalled */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          station: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              station: string;
              tickets: {
                /** @description An order as the screens show it */
                order: {
                  id: string;
                  /** @description Order number to call out, unique per business day */
                  number: number;
                  businessDay: string;
                  /** @enum {string} */
                  status:
                    | 'placed'
                    | 'paid'
                    | 'in_kitchen'
                    | 'ready'
                    | 'picked_up'
                    | 'completed'
                    | 'cancelled'
                    | 'voided'
                    | 'refunded';
                  /** @enum {string} */
                  payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
                  table?: string;
                  promisedAt?: string;
                  /** @description Promised time, or placed time plus prep time: the kitchen priority */
                  dueAt: string;
                  rush: boolean;
                  /** @description One ticket per station, made when the order fires */
                  tickets: {
                    id: string;
                    station: string;
                    /** @enum {string} */
                    status: 'open' | 'bumped';
                    firedAt: string;
                    bumpedAt?: string;
                    items: {
                      lineId: string;
                      bumpedAt?: string;
                    }[];
                  }[];
                  payments: {
                    id: string;
                    /** @enum {string} */
                    method: 'card' | 'cash' | 'external';
                    /** @description Towards the order, minor units; a refund is negative */
                    amount: number;
                    /** @description A tip taken with it (negative on a refund that gave it back) */
                    tip?: number;
                    /** @description The part of a split bill it paid */
                    part?: number;
                    /** @description Who took it (whose tip it is) */
                    staffId?: string;
                    /** @description A refund: the payment it gave money back to */
                    refundOf?: string;
                    tendered?: number;
                    change?: number;
                    reference?: string;
                    /** @description Last four digits from the terminal; never the card number */
                    cardLast4?: string;
                    at: string;
                  }[];
                  /** @enum {string} */
                  channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
                  /** @enum {string} */
                  orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
                  guestName?: string;
                  /** @description The loyalty member it is for: it earns them points when paid */
                  memberId?: string;
                  lines: {
                    lineId: string;
                    itemId: string;
                    variantId?: string;
                    /** @description Text by language code; "en" is required and is the fallback */
                    name: {
                      en: string;
                    } & {
                      [key: string]: string;
                    };
                    /** @description Text by language code; "en" is required and is the fallback */
                    variantName?: {
                      en: string;
                    } & {
                      [key: string]: string;
                    };
                    modifiers: {
                      groupId: string;
                      optionId: string;
                      /** @description Text by language code; "en" is required and is the fallback */
                      name: {
                        en: string;
                      } & {
                        [key: string]: string;
                      };
                      price: number;
                      /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                      default?: boolean;
                    }[];
                    quantity: number;
                    note?: string;
                    station: string;
                    allergens: string[];
                    /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                    parts?: {
                      slotId: string;
                      itemId: string;
                      variantId?: string;
                      /** @description Where this slot item is made: its own item’s station */
                      station: string;
                      allergens: string[];
                      /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                      choices: number;
                    }[];
                    /** @description Item or variant price plus modifier upcharges, minor units */
                    unitPrice: number;
                    /** @description unitPrice × quantity, minor units */
                    lineTotal: number;
                    /**
                     * @description Promotions and rewards taken off this line
                     * @default 0
                     */
                    discount: number;
                    /**
                     * @description Tax of this line (added, or held in the price with VAT)
                     * @default 0
                     */
                    tax: number;
                    /** @description What the guest pays for this line */
                    total?: number;
                    /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                    round?: number;
                    /** @description Given back in a refund by lines (ISO 8601) */
                    refundedAt?: string;
                  }[];
                  totals: {
                    currency: string;
                    /** @description Σ line totals before discounts */
                    subtotal: number;
                    /**
                     * @description Promotions and rewards taken off
                     * @default 0
                     */
                    discount: number;
                    /**
                     * @description Tax added on top (or held in the prices, with VAT)
                     * @default 0
                     */
                    tax: number;
                    /** @description What the guest pays */
                    total: number;
                  };
                  /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
                  pricing?: {
                    discounts: {
                      promotionId: string;
                      explanation: string;
                      amount: number;
                    }[];
                    taxes: {
                      name: string;
                      rate: string;
                      inclusive: boolean;
                      amount: number;
                      /** @description The rate in the tax rules (what a line’s taxes name) */
                      rateId?: string;
                    }[];
                    /** @description Points this order earns */
                    loyaltyPoints: number;
                    /** @description Points the loyalty rewards it redeems cost */
                    loyaltyPointsRedeemed?: number;
                    /** @description The moment it was priced, on the store's clock */
                    localTime: string;
                    /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                    overrides?: {
                      lineId: string;
                      explanation: string;
                    }[];
                  };
                  /** @description ISO 8601 */
                  placedAt: string;
                  paidAt?: string;
                  firedAt?: string;
                  readyAt?: string;
                  pickedUpAt?: string;
                  /** @description Completed, cancelled, voided or refunded */
                  closedAt?: string;
                  /** @description Still to pay, minor units (0 once paid) */
                  due?: number;
                  /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
                  tipTotal?: number;
                  /** @description The bill split: each part with its amount, what is paid and what is due */
                  split?: {
                    /** @enum {string} */
                    kind: 'even' | 'lines';
                    parts: {
                      /** @description 1-based: what a payment names */
                      part: number;
                      /** @description What the part comes to (an even split shares the total by largest remainder) */
                      amount: number;
                      /** @description Taken for it so far (net of refunds) */
                      paid: number;
                      due: number;
                      /** @description Split by lines: its lines */
                      lineIds?: string[];
                    }[];
                  };
                  /** @description The staff member whose open ticket it is */
                  owner?: {
                    staffId: string;
                    name?: string;
                  };
                  /** @description Held as an open ticket since (on no counter); absent once recalled */
                  heldAt?: string;
                };
                ticketId: string;
                bumpedAt: string;
              }[];
            };
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/kitchen/stations/{station}/undo': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Undo the last bump at this station */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          station: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description Order number to call out, unique per business day */
              number: number;
              businessDay: string;
              /** @enum {string} */
              status:
                | 'placed'
                | 'paid'
                | 'in_kitchen'
                | 'ready'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'voided'
                | 'refunded';
              /** @enum {string} */
              payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
              table?: string;
              promisedAt?: string;
              /** @description Promised time, or placed time plus prep time: the kitchen priority */
              dueAt: string;
              rush: boolean;
              /** @description One ticket per station, made when the order fires */
              tickets: {
                id: string;
                station: string;
                /** @enum {string} */
                status: 'open' | 'bumped';
                firedAt: string;
                bumpedAt?: string;
                items: {
                  lineId: string;
                  bumpedAt?: string;
                }[];
              }[];
              payments: {
                id: string;
                /** @enum {string} */
                method: 'card' | 'cash' | 'external';
                /** @description Towards the order, minor units; a refund is negative */
                amount: number;
                /** @description A tip taken with it (negative on a refund that gave it back) */
                tip?: number;
                /** @description The part of a split bill it paid */
                part?: number;
                /** @description Who took it (whose tip it is) */
                staffId?: string;
                /** @description A refund: the payment it gave money back to */
                refundOf?: string;
                tendered?: number;
                change?: number;
                reference?: string;
                /** @description Last four digits from the terminal; never the card number */
                cardLast4?: string;
                at: string;
              }[];
              /** @enum {string} */
              channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              /** @enum {string} */
              orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
              guestName?: string;
              /** @description The loyalty member it is for: it earns them points when paid */
              memberId?: string;
              lines: {
                lineId: string;
                itemId: string;
                variantId?: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                variantName?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                modifiers: {
                  groupId: string;
                  optionId: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  price: number;
                  /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                  default?: boolean;
                }[];
                quantity: number;
                note?: string;
                station: string;
                allergens: string[];
                /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                parts?: {
                  slotId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Where this slot item is made: its own item’s station */
                  station: string;
                  allergens: string[];
                  /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                  choices: number;
                }[];
                /** @description Item or variant price plus modifier upcharges, minor units */
                unitPrice: number;
                /** @description unitPrice × quantity, minor units */
                lineTotal: number;
                /**
                 * @description Promotions and rewards taken off this line
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax of this line (added, or held in the price with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays for this line */
                total?: number;
                /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                round?: number;
                /** @description Given back in a refund by lines (ISO 8601) */
                refundedAt?: string;
              }[];
              totals: {
                currency: string;
                /** @description Σ line totals before discounts */
                subtotal: number;
                /**
                 * @description Promotions and rewards taken off
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax added on top (or held in the prices, with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays */
                total: number;
              };
              /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
              pricing?: {
                discounts: {
                  promotionId: string;
                  explanation: string;
                  amount: number;
                }[];
                taxes: {
                  name: string;
                  rate: string;
                  inclusive: boolean;
                  amount: number;
                  /** @description The rate in the tax rules (what a line’s taxes name) */
                  rateId?: string;
                }[];
                /** @description Points this order earns */
                loyaltyPoints: number;
                /** @description Points the loyalty rewards it redeems cost */
                loyaltyPointsRedeemed?: number;
                /** @description The moment it was priced, on the store's clock */
                localTime: string;
                /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                overrides?: {
                  lineId: string;
                  explanation: string;
                }[];
              };
              /** @description ISO 8601 */
              placedAt: string;
              paidAt?: string;
              firedAt?: string;
              readyAt?: string;
              pickedUpAt?: string;
              /** @description Completed, cancelled, voided or refunded */
              closedAt?: string;
              /** @description Still to pay, minor units (0 once paid) */
              due?: number;
              /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
              tipTotal?: number;
              /** @description The bill split: each part with its amount, what is paid and what is due */
              split?: {
                /** @enum {string} */
                kind: 'even' | 'lines';
                parts: {
                  /** @description 1-based: what a payment names */
                  part: number;
                  /** @description What the part comes to (an even split shares the total by largest remainder) */
                  amount: number;
                  /** @description Taken for it so far (net of refunds) */
                  paid: number;
                  due: number;
                  /** @description Split by lines: its lines */
                  lineIds?: string[];
                }[];
              };
              /** @description The staff member whose open ticket it is */
              owner?: {
                staffId: string;
                name?: string;
              };
              /** @description Held as an open ticket since (on no counter); absent once recalled */
              heldAt?: string;
            };
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/speed-of-service': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Speed of service of a business day: placed → fired → ready → picked up, and per station fired → bumped */
    get: {
      parameters: {
        query?: {
          day?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              businessDay: string;
              orders: number;
              stages: {
                placedToFired: {
                  count: number;
                  p50Seconds: number | null;
                  p90Seconds: number | null;
                };
                firedToReady: {
                  count: number;
                  p50Seconds: number | null;
                  p90Seconds: number | null;
                };
                readyToPickedUp: {
                  count: number;
                  p50Seconds: number | null;
                  p90Seconds: number | null;
                };
                placedToPickedUp: {
                  count: number;
                  p50Seconds: number | null;
                  p90Seconds: number | null;
                };
              };
              stations: {
                station: string;
                firedToBumped: {
                  count: number;
                  p50Seconds: number | null;
                  p90Seconds: number | null;
                };
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/upsells': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Upsells taken in a business day: per suggestion, the orders, units and amount guests added from it */
    get: {
      parameters: {
        query?: {
          day?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              businessDay: string;
              upsells: {
                upsellId: string;
                /** @description Placed orders with a line the guest added from this suggestion */
                orders: number;
                /** @description Units of those lines */
                units: number;
                /** @description What those lines came to before discounts and tax, minor units */
                amount: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/kiosk/config': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Kiosk timings: when to ask "Are you still there?", how long to count down, how long to show the number */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Seconds without a touch, with an order started, before the kiosk asks "Are you still there?" */
              idleSeconds: number;
              /** @description Seconds "Are you still there?" counts down before the order and the name are cleared */
              idleCountdownSeconds: number;
              /** @description Seconds the order number stays on screen before the kiosk returns to the start ("More time" adds as much) */
              confirmationSeconds: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/drawers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The cash drawers with their sessions not yet closed (blind: no expected cash), and this screen’s drawer */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              drawers: {
                id: string;
                name: string;
                /** @description Serves every device not assigned to another drawer */
                isDefault: boolean;
                active: boolean;
                /** @description The store currency */
                currency: string;
                /** @description The session not yet closed, if any */
                session: {
                  id: string;
                  drawerId: string;
                  /** @enum {string} */
                  status: 'open' | 'counted' | 'closed';
                  currency: string;
                  openedAt: string;
                  openedBy: {
                    /** @enum {string} */
                    kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                    /** @description Staff id, device id, or `edge` for the system */
                    id: string;
                    /** @description Staff role, device role, or `system` */
                    role: string;
                    name?: string;
                  };
                  openingFloat: number;
                  /** @description Pieces by face value in minor units: {"2000": 3, "25": 8} is three $20 bills and eight quarters */
                  openingCount?: {
                    [key: string]: number;
                  };
                  /** @description Paid in / out, safe drops and no-sales, oldest first */
                  moves: {
                    id: string;
                    /** @enum {string} */
                    kind: 'paid-in' | 'paid-out' | 'safe-drop' | 'no-sale';
                    /** @description Minor units (0 for a no-sale) */
                    amount: number;
                    reason?: string;
                    at: string;
                    by: {
                      /** @enum {string} */
                      kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                      /** @description Staff id, device id, or `edge` for the system */
                      id: string;
                      /** @description Staff role, device role, or `system` */
                      role: string;
                      name?: string;
                    };
                  }[];
                  /** @description Once counted: the count against what should be there */
                  result?: {
                    counted: number;
                    /** @description Pieces by face value in minor units: {"2000": 3, "25": 8} is three $20 bills and eight quarters */
                    count: {
                      [key: string]: number;
                    };
                    expected: number;
                    /** @description counted − expected: over (> 0) or short (< 0) */
                    variance: number;
                    /** @description Past the threshold: a manager approves before it closes */
                    needsApproval: boolean;
                    figures: {
                      openingFloat: number;
                      /** @description Cash payments taken on the drawer’s devices while it was open (net of change) */
                      cashSales: number;
                      /** @description Cash given back on the drawer’s devices while it was open */
                      cashRefunds: number;
                      paidIn: number;
                      paidOut: number;
                      safeDrops: number;
                    };
                    countedAt: string;
                    countedBy: {
                      /** @enum {string} */
                      kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                      /** @description Staff id, device id, or `edge` for the system */
                      id: string;
                      /** @description Staff role, device role, or `system` */
                      role: string;
                      name?: string;
                    };
                  };
                  closedAt?: string;
                  closedBy?: {
                    /** @enum {string} */
                    kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                    /** @description Staff id, device id, or `edge` for the system */
                    id: string;
                    /** @description Staff role, device role, or `system` */
                    role: string;
                    name?: string;
                  };
                  approvedBy?: {
                    /** @enum {string} */
                    kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                    /** @description Staff id, device id, or `edge` for the system */
                    id: string;
                    /** @description Staff role, device role, or `system` */
                    role: string;
                    name?: string;
                  };
                } | null;
              }[];
              /** @description The drawer this screen takes cash into (null: none) */
              mine: string | null;
              /** @description A variance past this (minor units, either way) needs a manager */
              varianceApprovalAmount: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/drawers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One drawer with its session not yet closed */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              /** @description Serves every device not assigned to another drawer */
              isDefault: boolean;
              active: boolean;
              /** @description The store currency */
              currency: string;
              /** @description The session not yet closed, if any */
              session: {
                id: string;
                drawerId: string;
                /** @enum {string} */
                status: 'open' | 'counted' | 'closed';
                currency: string;
                openedAt: string;
                openedBy: {
                  /** @enum {string} */
                  kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                  /** @description Staff id, device id, or `edge` for the system */
                  id: string;
                  /** @description Staff role, device role, or `system` */
                  role: string;
                  name?: string;
                };
                openingFloat: number;
                /** @description Pieces by face value in minor units: {"2000": 3, "25": 8} is three $20 bills and eight quarters */
                openingCount?: {
                  [key: string]: number;
                };
                /** @description Paid in / out, safe drops and no-sales, oldest first */
                moves: {
                  id: string;
                  /** @enum {string} */
                  kind: 'paid-in' | 'paid-out' | 'safe-drop' | 'no-sale';
                  /** @description Minor units (0 for a no-sale) */
                  amount: number;
                  reason?: string;
                  at: string;
                  by: {
                    /** @enum {string} */
                    kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                    /** @description Staff id, device id, or `edge` for the system */
                    id: string;
                    /** @description Staff role, device role, or `system` */
                    role: string;
                    name?: string;
                  };
                }[];
                /** @description Once counted: the count against what should be there */
                result?: {
                  counted: number;
                  /** @description Pieces by face value in minor units: {"2000": 3, "25": 8} is three $20 bills and eight quarters */
                  count: {
                    [key: string]: number;
                  };
                  expected: number;
                  /** @description counted − expected: over (> 0) or short (< 0) */
                  variance: number;
                  /** @description Past the threshold: a manager approves before it closes */
                  needsApproval: boolean;
                  figures: {
                    openingFloat: number;
                    /** @description Cash payments taken on the drawer’s devices while it was open (net of change) */
                    cashSales: number;
                    /** @description Cash given back on the drawer’s devices while it was open */
                    cashRefunds: number;
                    paidIn: number;
                    paidOut: number;
                    safeDrops: number;
                  };
                  countedAt: string;
                  countedBy: {
                    /** @enum {string} */
                    kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                    /** @description Staff id, device id, or `edge` for the system */
                    id: string;
                    /** @description Staff role, device role, or `system` */
                    role: string;
                    name?: string;
                  };
                };
                closedAt?: string;
                closedBy?: {
                  /** @enum {string} */
                  kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                  /** @description Staff id, device id, or `edge` for the system */
                  id: string;
                  /** @description Staff role, device role, or `system` */
                  role: string;
                  name?: string;
                };
                approvedBy?: {
                  /** @enum {string} */
                  kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                  /** @description Staff id, device id, or `edge` for the system */
                  id: string;
                  /** @description Staff role, device role, or `system` */
                  role: string;
                  name?: string;
                };
              } | null;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/drawers/{id}/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Closed sessions of a drawer, newest first: float, cash in and out, expected, counted, variance, approver */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Closed sessions, newest first */
              sessions: {
                id: string;
                drawerId: string;
                /** @enum {string} */
                status: 'open' | 'counted' | 'closed';
                currency: string;
                openedAt: string;
                openedBy: {
                  /** @enum {string} */
                  kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                  /** @description Staff id, device id, or `edge` for the system */
                  id: string;
                  /** @description Staff role, device role, or `system` */
                  role: string;
                  name?: string;
                };
                openingFloat: number;
                /** @description Pieces by face value in minor units: {"2000": 3, "25": 8} is three $20 bills and eight quarters */
                openingCount?: {
                  [key: string]: number;
                };
                /** @description Paid in / out, safe drops and no-sales, oldest first */
                moves: {
                  id: string;
                  /** @enum {string} */
                  kind: 'paid-in' | 'paid-out' | 'safe-drop' | 'no-sale';
                  /** @description Minor units (0 for a no-sale) */
                  amount: number;
                  reason?: string;
                  at: string;
                  by: {
                    /** @enum {string} */
                    kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                    /** @description Staff id, device id, or `edge` for the system */
                    id: string;
                    /** @description Staff role, device role, or `system` */
                    role: string;
                    name?: string;
                  };
                }[];
                /** @description Once counted: the count against what should be there */
                result?: {
                  counted: number;
                  /** @description Pieces by face value in minor units: {"2000": 3, "25": 8} is three $20 bills and eight quarters */
                  count: {
                    [key: string]: number;
                  };
                  expected: number;
                  /** @description counted − expected: over (> 0) or short (< 0) */
                  variance: number;
                  /** @description Past the threshold: a manager approves before it closes */
                  needsApproval: boolean;
                  figures: {
                    openingFloat: number;
                    /** @description Cash payments taken on the drawer’s devices while it was open (net of change) */
                    cashSales: number;
                    /** @description Cash given back on the drawer’s devices while it was open */
                    cashRefunds: number;
                    paidIn: number;
                    paidOut: number;
                    safeDrops: number;
                  };
                  countedAt: string;
                  countedBy: {
                    /** @enum {string} */
                    kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                    /** @description Staff id, device id, or `edge` for the system */
                    id: string;
                    /** @description Staff role, device role, or `system` */
                    role: string;
                    name?: string;
                  };
                };
                closedAt?: string;
                closedBy?: {
                  /** @enum {string} */
                  kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                  /** @description Staff id, device id, or `edge` for the system */
                  id: string;
                  /** @description Staff role, device role, or `system` */
                  role: string;
                  name?: string;
                };
                approvedBy?: {
                  /** @enum {string} */
                  kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                  /** @description Staff id, device id, or `edge` for the system */
                  id: string;
                  /** @description Staff role, device role, or `system` */
                  role: string;
                  name?: string;
                };
              }[];
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/drawers/{id}/open': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Open the drawer with its float, counted by denomination or as an amount (kicks the drawer open) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The float counted by denomination */
            count?: {
              [key: string]: number;
            };
            /** @description The float as one amount (minor units), when it is not counted by denomination */
            amount?: number;
          };
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              drawerId: string;
              /** @enum {string} */
              status: 'open' | 'counted' | 'closed';
              currency: string;
              openedAt: string;
              openedBy: {
                /** @enum {string} */
                kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                /** @description Staff id, device id, or `edge` for the system */
                id: string;
                /** @description Staff role, device role, or `system` */
                role: string;
                name?: string;
              };
              openingFloat: number;
              /** @description Pieces by face value in minor units: {"2000": 3, "25": 8} is three $20 bills and eight quarters */
              openingCount?: {
                [key: string]: number;
              };
              /** @description Paid in / out, safe drops and no-sales, oldest first */
              moves: {
                id: string;
                /** @enum {string} */
                kind: 'paid-in' | 'paid-out' | 'safe-drop' | 'no-sale';
                /** @description Minor units (0 for a no-sale) */
                amount: number;
                reason?: string;
                at: string;
                by: {
                  /** @enum {string} */
                  kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                  /** @description Staff id, device id, or `edge` for the system */
                  id: string;
                  /** @description Staff role, device role, or `system` */
                  role: string;
                  name?: string;
                };
              }[];
              /** @description Once counted: the count against what should be there */
              result?: {
                counted: number;
                /** @description Pieces by face value in minor units: {"2000": 3, "25": 8} is three $20 bills and eight quarters */
                count: {
                  [key: string]: number;
                };
                expected: number;
                /** @description counted − expected: over (> 0) or short (< 0) */
                variance: number;
                /** @description Past the threshold: a manager approves before it closes */
                needsApproval: boolean;
                figures: {
                  openingFloat: number;
                  /** @description Cash payments taken on the drawer’s devices while it was open (net of change) */
                  cashSales: number;
                  /** @description Cash given back on the drawer’s devices while it was open */
                  cashRefunds: number;
                  paidIn: number;
                  paidOut: number;
                  safeDrops: number;
                };
                countedAt: string;
                countedBy: {
                  /** @enum {string} */
                  kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                  /** @description Staff id, device id, or `edge` for the system */
                  id: string;
                  /** @description Staff role, device role, or `system` */
                  role: string;
                  name?: string;
                };
              };
              closedAt?: string;
              closedBy?: {
                /** @enum {string} */
                kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                /** @description Staff id, device id, or `edge` for the system */
                id: string;
                /** @description Staff role, device role, or `system` */
                role: string;
                name?: string;
              };
              approvedBy?: {
                /** @enum {string} */
                kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                /** @description Staff id, device id, or `edge` for the system */
                id: string;
                /** @description Staff role, device role, or `system` */
                role: string;
                name?: string;
              };
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/drawers/{id}/moves': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Pay cash in or out of the open drawer (with a reason), or drop cash to the safe (kicks the drawer open) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            kind: 'paid-in' | 'paid-out' | 'safe-drop';
            /** @description Minor units */
            amount: number;
            /** @description What it was for: needed for a paid in or paid out */
            reason?: string;
          };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              drawerId: string;
              /** @enum {string} */
              status: 'open' | 'counted' | 'closed';
              currency: string;
              openedAt: string;
              openedBy: {
                /** @enum {string} */
                kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                /** @description Staff id, device id, or `edge` for the system */
                id: string;
                /** @description Staff role, device role, or `system` */
                role: string;
                name?: string;
              };
              openingFloat: number;
              /** @description Pieces by face value in minor units: {"2000": 3, "25": 8} is three $20 bills and eight quarters */
              openingCount?: {
                [key: string]: number;
              };
              /** @description Paid in / out, safe drops and no-sales, oldest first */
              moves: {
                id: string;
                /** @enum {string} */
                kind: 'paid-in' | 'paid-out' | 'safe-drop' | 'no-sale';
                /** @description Minor units (0 for a no-sale) */
                amount: number;
                reason?: string;
                at: string;
                by: {
                  /** @enum {string} */
                  kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                  /** @description Staff id, device id, or `edge` for the system */
                  id: string;
                  /** @description Staff role, device role, or `system` */
                  role: string;
                  name?: string;
                };
              }[];
              /** @description Once counted: the count against what should be there */
              result?: {
                counted: number;
                /** @description Pieces by face value in minor units: {"2000": 3, "25": 8} is three $20 bills and eight quarters */
                count: {
                  [key: string]: number;
                };
                expected: number;
                /** @description counted − expected: over (> 0) or short (< 0) */
                variance: number;
                /** @description Past the threshold: a manager approves before it closes */
                needsApproval: boolean;
                figures: {
                  openingFloat: number;
                  /** @description Cash payments taken on the drawer’s devices while it was open (net of change) */
                  cashSales: number;
                  /** @description Cash given back on the drawer’s devices while it was open */
                  cashRefunds: number;
                  paidIn: number;
                  paidOut: number;
                  safeDrops: number;
                };
                countedAt: string;
                countedBy: {
                  /** @enum {string} */
                  kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                  /** @description Staff id, device id, or `edge` for the system */
                  id: string;
                  /** @description Staff role, device role, or `system` */
                  role: string;
                  name?: string;
                };
              };
              closedAt?: string;
              closedBy?: {
                /** @enum {string} */
                kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                /** @description Staff id, device id, or `edge` for the system */
                id: string;
                /** @description Staff role, device role, or `system` */
                role: string;
                name?: string;
              };
              approvedBy?: {
                /** @enum {string} */
                kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                /** @description Staff id, device id, or `edge` for the system */
                id: string;
                /** @description Staff role, device role, or `system` */
                role: string;
                name?: string;
              };
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/drawers/{id}/no-sale': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Open the drawer without a sale (audited; kicks the drawer open) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              drawerId: string;
              /** @enum {string} */
              status: 'open' | 'counted' | 'closed';
              currency: string;
              openedAt: string;
              openedBy: {
                /** @enum {string} */
                kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                /** @description Staff id, device id, or `edge` for the system */
                id: string;
                /** @description Staff role, device role, or `system` */
                role: string;
                name?: string;
              };
              openingFloat: number;
              /** @description Pieces by face value in minor units: {"2000": 3, "25": 8} is three $20 bills and eight quarters */
              openingCount?: {
                [key: string]: number;
              };
              /** @description Paid in / out, safe drops and no-sales, oldest first */
              moves: {
                id: string;
                /** @enum {string} */
                kind: 'paid-in' | 'paid-out' | 'safe-drop' | 'no-sale';
                /** @description Minor units (0 for a no-sale) */
                amount: number;
                reason?: string;
                at: string;
                by: {
                  /** @enum {string} */
                  kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                  /** @description Staff id, device id, or `edge` for the system */
                  id: string;
                  /** @description Staff role, device role, or `system` */
                  role: string;
                  name?: string;
                };
              }[];
              /** @description Once counted: the count against what should be there */
              result?: {
                counted: number;
                /** @description Pieces by face value in minor units: {"2000": 3, "25": 8} is three $20 bills and eight quarters */
                count: {
                  [key: string]: number;
                };
                expected: number;
                /** @description counted − expected: over (> 0) or short (< 0) */
                variance: number;
                /** @description Past the threshold: a manager approves before it closes */
                needsApproval: boolean;
                figures: {
                  openingFloat: number;
                  /** @description Cash payments taken on the drawer’s devices while it was open (net of change) */
                  cashSales: number;
                  /** @description Cash given back on the drawer’s devices while it was open */
                  cashRefunds: number;
                  paidIn: number;
                  paidOut: number;
                  safeDrops: number;
                };
                countedAt: string;
                countedBy: {
                  /** @enum {string} */
                  kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                  /** @description Staff id, device id, or `edge` for the system */
                  id: string;
                  /** @description Staff role, device role, or `system` */
                  role: string;
                  name?: string;
                };
              };
              closedAt?: string;
              closedBy?: {
                /** @enum {string} */
                kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                /** @description Staff id, device id, or `edge` for the system */
                id: string;
                /** @description Staff role, device role, or `system` */
                role: string;
                name?: string;
              };
              approvedBy?: {
                /** @enum {string} */
                kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                /** @description Staff id, device id, or `edge` for the system */
                id: string;
                /** @description Staff role, device role, or `system` */
                role: string;
                name?: string;
              };
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/drawers/{id}/count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The blind count by denomination: closes the drawer when the variance is within the store's threshold, else it waits for a manager (or comes with one) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description What is in the drawer, counted blind by denomination */
            count: {
              [key: string]: number;
            };
            /** @description A manager's approval, for a variance past the store's threshold (else the count waits for one) */
            override?: {
              /** @description The approving manager */
              staffId: string;
              /** @description Staff PIN, 4–8 digits; never stored or logged, only its argon2id hash */
              pin: string;
            };
          };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              drawerId: string;
              /** @enum {string} */
              status: 'open' | 'counted' | 'closed';
              currency: string;
              openedAt: string;
              openedBy: {
                /** @enum {string} */
                kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                /** @description Staff id, device id, or `edge` for the system */
                id: string;
                /** @description Staff role, device role, or `system` */
                role: string;
                name?: string;
              };
              openingFloat: number;
              /** @description Pieces by face value in minor units: {"2000": 3, "25": 8} is three $20 bills and eight quarters */
              openingCount?: {
                [key: string]: number;
              };
              /** @description Paid in / out, safe drops and no-sales, oldest first */
              moves: {
                id: string;
                /** @enum {string} */
                kind: 'paid-in' | 'paid-out' | 'safe-drop' | 'no-sale';
                /** @description Minor units (0 for a no-sale) */
                amount: number;
                reason?: string;
                at: string;
                by: {
                  /** @enum {string} */
                  kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                  /** @description Staff id, device id, or `edge` for the system */
                  id: string;
                  /** @description Staff role, device role, or `system` */
                  role: string;
                  name?: string;
                };
              }[];
              /** @description Once counted: the count against what should be there */
              result?: {
                counted: number;
                /** @description Pieces by face value in minor units: {"2000": 3, "25": 8} is three $20 bills and eight quarters */
                count: {
                  [key: string]: number;
                };
                expected: number;
                /** @description counted − expected: over (> 0) or short (< 0) */
                variance: number;
                /** @description Past the threshold: a manager approves before it closes */
                needsApproval: boolean;
                figures: {
                  openingFloat: number;
                  /** @description Cash payments taken on the drawer’s devices while it was open (net of change) */
                  cashSales: number;
                  /** @description Cash given back on the drawer’s devices while it was open */
                  cashRefunds: number;
                  paidIn: number;
                  paidOut: number;
                  safeDrops: number;
                };
                countedAt: string;
                countedBy: {
                  /** @enum {string} */
                  kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                  /** @description Staff id, device id, or `edge` for the system */
                  id: string;
                  /** @description Staff role, device role, or `system` */
                  role: string;
                  name?: string;
                };
              };
              closedAt?: string;
              closedBy?: {
                /** @enum {string} */
                kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                /** @description Staff id, device id, or `edge` for the system */
                id: string;
                /** @description Staff role, device role, or `system` */
                role: string;
                name?: string;
              };
              approvedBy?: {
                /** @enum {string} */
                kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                /** @description Staff id, device id, or `edge` for the system */
                id: string;
                /** @description Staff role, device role, or `system` */
                role: string;
                name?: string;
              };
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/drawers/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A manager approves a counted drawer's variance with their PIN, closing it */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            override: {
              /** @description The approving manager */
              staffId: string;
              /** @description Staff PIN, 4–8 digits; never stored or logged, only its argon2id hash */
              pin: string;
            };
          };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              drawerId: string;
              /** @enum {string} */
              status: 'open' | 'counted' | 'closed';
              currency: string;
              openedAt: string;
              openedBy: {
                /** @enum {string} */
                kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                /** @description Staff id, device id, or `edge` for the system */
                id: string;
                /** @description Staff role, device role, or `system` */
                role: string;
                name?: string;
              };
              openingFloat: number;
              /** @description Pieces by face value in minor units: {"2000": 3, "25": 8} is three $20 bills and eight quarters */
              openingCount?: {
                [key: string]: number;
              };
              /** @description Paid in / out, safe drops and no-sales, oldest first */
              moves: {
                id: string;
                /** @enum {string} */
                kind: 'paid-in' | 'paid-out' | 'safe-drop' | 'no-sale';
                /** @description Minor units (0 for a no-sale) */
                amount: number;
                reason?: string;
                at: string;
                by: {
                  /** @enum {string} */
                  kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                  /** @description Staff id, device id, or `edge` for the system */
                  id: string;
                  /** @description Staff role, device role, or `system` */
                  role: string;
                  name?: string;
                };
              }[];
              /** @description Once counted: the count against what should be there */
              result?: {
                counted: number;
                /** @description Pieces by face value in minor units: {"2000": 3, "25": 8} is three $20 bills and eight quarters */
                count: {
                  [key: string]: number;
                };
                expected: number;
                /** @description counted − expected: over (> 0) or short (< 0) */
                variance: number;
                /** @description Past the threshold: a manager approves before it closes */
                needsApproval: boolean;
                figures: {
                  openingFloat: number;
                  /** @description Cash payments taken on the drawer’s devices while it was open (net of change) */
                  cashSales: number;
                  /** @description Cash given back on the drawer’s devices while it was open */
                  cashRefunds: number;
                  paidIn: number;
                  paidOut: number;
                  safeDrops: number;
                };
                countedAt: string;
                countedBy: {
                  /** @enum {string} */
                  kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                  /** @description Staff id, device id, or `edge` for the system */
                  id: string;
                  /** @description Staff role, device role, or `system` */
                  role: string;
                  name?: string;
                };
              };
              closedAt?: string;
              closedBy?: {
                /** @enum {string} */
                kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                /** @description Staff id, device id, or `edge` for the system */
                id: string;
                /** @description Staff role, device role, or `system` */
                role: string;
                name?: string;
              };
              approvedBy?: {
                /** @enum {string} */
                kind: 'staff' | 'device' | 'guest' | 'cloud' | 'system';
                /** @description Staff id, device id, or `edge` for the system */
                id: string;
                /** @description Staff role, device role, or `system` */
                role: string;
                name?: string;
              };
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every item the store counts or has taken off sale (86’d), with the seq to follow the stream topic `stock` from */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The log seq the list is current at: follow the stream topic `stock` from it */
              seq: number;
              /** @description Every item the store counts or has taken off sale */
              items: {
                itemId: string;
                /** @description The item's name on the menu (English) */
                name: string;
                /** @description The store counts it */
                tracked: boolean;
                /** @description On hand, when it is counted */
                count?: number;
                /** @description Off sale, and why; absent while it is on sale */
                eightySixed?: {
                  /** @enum {string} */
                  reason: 'sold-out' | 'manual';
                  /** @description ISO 8601 */
                  at: string;
                  note?: string;
                };
                /** @description It can be sold now (not 86’d; one or more on hand when counted) */
                available: boolean;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stock/{itemId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One item’s stock: counted or not, how many on hand, 86’d or not */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          itemId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              itemId: string;
              /** @description The item's name on the menu (English) */
              name: string;
              /** @description The store counts it */
              tracked: boolean;
              /** @description On hand, when it is counted */
              count?: number;
              /** @description Off sale, and why; absent while it is on sale */
              eightySixed?: {
                /** @enum {string} */
                reason: 'sold-out' | 'manual';
                /** @description ISO 8601 */
                at: string;
                note?: string;
              };
              /** @description It can be sold now (not 86’d; one or more on hand when counted) */
              available: boolean;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stock/{itemId}/receive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A delivery or a fresh batch of a counted item put on the shelf (puts a sold-out item back on sale) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          itemId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description How many were put on the shelf */
            quantity: number;
            /** @description e.g. the delivery note, or "morning bake" */
            note?: string;
          };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              itemId: string;
              /** @description The item's name on the menu (English) */
              name: string;
              /** @description The store counts it */
              tracked: boolean;
              /** @description On hand, when it is counted */
              count?: number;
              /** @description Off sale, and why; absent while it is on sale */
              eightySixed?: {
                /** @enum {string} */
                reason: 'sold-out' | 'manual';
                /** @description ISO 8601 */
                at: string;
                note?: string;
              };
              /** @description It can be sold now (not 86’d; one or more on hand when counted) */
              available: boolean;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stock/{itemId}/waste': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Stock of a counted item written off, with why (never more than is on hand) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          itemId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description How many were thrown away */
            quantity: number;
            reason: string;
          };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              itemId: string;
              /** @description The item's name on the menu (English) */
              name: string;
              /** @description The store counts it */
              tracked: boolean;
              /** @description On hand, when it is counted */
              count?: number;
              /** @description Off sale, and why; absent while it is on sale */
              eightySixed?: {
                /** @enum {string} */
                reason: 'sold-out' | 'manual';
                /** @description ISO 8601 */
                at: string;
                note?: string;
              };
              /** @description It can be sold now (not 86’d; one or more on hand when counted) */
              available: boolean;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stock/{itemId}/count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** What is there, counted: sets the count (86’d at zero) and starts counting an item that was not */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          itemId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description How many are there */
            count: number;
          };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              itemId: string;
              /** @description The item's name on the menu (English) */
              name: string;
              /** @description The store counts it */
              tracked: boolean;
              /** @description On hand, when it is counted */
              count?: number;
              /** @description Off sale, and why; absent while it is on sale */
              eightySixed?: {
                /** @enum {string} */
                reason: 'sold-out' | 'manual';
                /** @description ISO 8601 */
                at: string;
                note?: string;
              };
              /** @description It can be sold now (not 86’d; one or more on hand when counted) */
              available: boolean;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stock/{itemId}/untrack': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Stop counting an item (it stays on the menu; a sold-out 86 is lifted) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          itemId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              itemId: string;
              /** @description The item's name on the menu (English) */
              name: string;
              /** @description The store counts it */
              tracked: boolean;
              /** @description On hand, when it is counted */
              count?: number;
              /** @description Off sale, and why; absent while it is on sale */
              eightySixed?: {
                /** @enum {string} */
                reason: 'sold-out' | 'manual';
                /** @description ISO 8601 */
                at: string;
                note?: string;
              };
              /** @description It can be sold now (not 86’d; one or more on hand when counted) */
              available: boolean;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stock/{itemId}/86': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 86 an item: off sale on every screen until someone puts it back (counted or not) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          itemId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Why, for the other screens (e.g. "oven down") */
            note?: string;
          };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              itemId: string;
              /** @description The item's name on the menu (English) */
              name: string;
              /** @description The store counts it */
              tracked: boolean;
              /** @description On hand, when it is counted */
              count?: number;
              /** @description Off sale, and why; absent while it is on sale */
              eightySixed?: {
                /** @enum {string} */
                reason: 'sold-out' | 'manual';
                /** @description ISO 8601 */
                at: string;
                note?: string;
              };
              /** @description It can be sold now (not 86’d; one or more on hand when counted) */
              available: boolean;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stock/{itemId}/un-86': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Put an 86’d item back on sale (a counted item needs one or more on hand) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          itemId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              itemId: string;
              /** @description The item's name on the menu (English) */
              name: string;
              /** @description The store counts it */
              tracked: boolean;
              /** @description On hand, when it is counted */
              count?: number;
              /** @description Off sale, and why; absent while it is on sale */
              eightySixed?: {
                /** @enum {string} */
                reason: 'sold-out' | 'manual';
                /** @description ISO 8601 */
                at: string;
                note?: string;
              };
              /** @description It can be sold now (not 86’d; one or more on hand when counted) */
              available: boolean;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/open-tickets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Held open tickets, oldest held first (`owner`: one staff member’s; `me`: the one signed in) */
    get: {
      parameters: {
        query?: {
          owner?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The event log position the list is current at */
              seq: number;
              /** @description Held open tickets, oldest held first */
              orders: {
                id: string;
                /** @description Order number to call out, unique per business day */
                number: number;
                businessDay: string;
                /** @enum {string} */
                status:
                  | 'placed'
                  | 'paid'
                  | 'in_kitchen'
                  | 'ready'
                  | 'picked_up'
                  | 'completed'
                  | 'cancelled'
                  | 'voided'
                  | 'refunded';
                /** @enum {string} */
                payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
                table?: string;
                promisedAt?: string;
                /** @description Promised time, or placed time plus prep time: the kitchen priority */
                dueAt: string;
                rush: boolean;
                /** @description One ticket per station, made when the order fires */
                tickets: {
                  id: string;
                  station: string;
                  /** @enum {string} */
                  status: 'open' | 'bumped';
                  firedAt: string;
                  bumpedAt?: string;
                  items: {
                    lineId: string;
                    bumpedAt?: string;
                  }[];
                }[];
                payments: {
                  id: string;
                  /** @enum {string} */
                  method: 'card' | 'cash' | 'external';
                  /** @description Towards the order, minor units; a refund is negative */
                  amount: number;
                  /** @description A tip taken with it (negative on a refund that gave it back) */
                  tip?: number;
                  /** @description The part of a split bill it paid */
                  part?: number;
                  /** @description Who took it (whose tip it is) */
                  staffId?: string;
                  /** @description A refund: the payment it gave money back to */
                  refundOf?: string;
                  tendered?: number;
                  change?: number;
                  reference?: string;
                  /** @description Last four digits from the terminal; never the card number */
                  cardLast4?: string;
                  at: string;
                }[];
                /** @enum {string} */
                channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
                /** @enum {string} */
                orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
                guestName?: string;
                /** @description The loyalty member it is for: it earns them points when paid */
                memberId?: string;
                lines: {
                  lineId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  /** @description Text by language code; "en" is required and is the fallback */
                  variantName?: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  modifiers: {
                    groupId: string;
                    optionId: string;
                    /** @description Text by language code; "en" is required and is the fallback */
                    name: {
                      en: string;
                    } & {
                      [key: string]: string;
                    };
                    price: number;
                    /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                    default?: boolean;
                  }[];
                  quantity: number;
                  note?: string;
                  station: string;
                  allergens: string[];
                  /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                  parts?: {
                    slotId: string;
                    itemId: string;
                    variantId?: string;
                    /** @description Where this slot item is made: its own item’s station */
                    station: string;
                    allergens: string[];
                    /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                    choices: number;
                  }[];
                  /** @description Item or variant price plus modifier upcharges, minor units */
                  unitPrice: number;
                  /** @description unitPrice × quantity, minor units */
                  lineTotal: number;
                  /**
                   * @description Promotions and rewards taken off this line
                   * @default 0
                   */
                  discount: number;
                  /**
                   * @description Tax of this line (added, or held in the price with VAT)
                   * @default 0
                   */
                  tax: number;
                  /** @description What the guest pays for this line */
                  total?: number;
                  /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                  round?: number;
                  /** @description Given back in a refund by lines (ISO 8601) */
                  refundedAt?: string;
                }[];
                totals: {
                  currency: string;
                  /** @description Σ line totals before discounts */
                  subtotal: number;
                  /**
                   * @description Promotions and rewards taken off
                   * @default 0
                   */
                  discount: number;
                  /**
                   * @description Tax added on top (or held in the prices, with VAT)
                   * @default 0
                   */
                  tax: number;
                  /** @description What the guest pays */
                  total: number;
                };
                /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
                pricing?: {
                  discounts: {
                    promotionId: string;
                    explanation: string;
                    amount: number;
                  }[];
                  taxes: {
                    name: string;
                    rate: string;
                    inclusive: boolean;
                    amount: number;
                    /** @description The rate in the tax rules (what a line’s taxes name) */
                    rateId?: string;
                  }[];
                  /** @description Points this order earns */
                  loyaltyPoints: number;
                  /** @description Points the loyalty rewards it redeems cost */
                  loyaltyPointsRedeemed?: number;
                  /** @description The moment it was priced, on the store's clock */
                  localTime: string;
                  /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                  overrides?: {
                    lineId: string;
                    explanation: string;
                  }[];
                };
                /** @description ISO 8601 */
                placedAt: string;
                paidAt?: string;
                firedAt?: string;
                readyAt?: string;
                pickedUpAt?: string;
                /** @description Completed, cancelled, voided or refunded */
                closedAt?: string;
                /** @description Still to pay, minor units (0 once paid) */
                due?: number;
                /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
                tipTotal?: number;
                /** @description The bill split: each part with its amount, what is paid and what is due */
                split?: {
                  /** @enum {string} */
                  kind: 'even' | 'lines';
                  parts: {
                    /** @description 1-based: what a payment names */
                    part: number;
                    /** @description What the part comes to (an even split shares the total by largest remainder) */
                    amount: number;
                    /** @description Taken for it so far (net of refunds) */
                    paid: number;
                    due: number;
                    /** @description Split by lines: its lines */
                    lineIds?: string[];
                  }[];
                };
                /** @description The staff member whose open ticket it is */
                owner?: {
                  staffId: string;
                  name?: string;
                };
                /** @description Held as an open ticket since (on no counter); absent once recalled */
                heldAt?: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/hold': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Hold an unpaid (or partly paid) counter order as an open ticket: off this counter, owned by whoever owns it already, else by the staff member holding it */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description Order number to call out, unique per business day */
              number: number;
              businessDay: string;
              /** @enum {string} */
              status:
                | 'placed'
                | 'paid'
                | 'in_kitchen'
                | 'ready'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'voided'
                | 'refunded';
              /** @enum {string} */
              payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
              table?: string;
              promisedAt?: string;
              /** @description Promised time, or placed time plus prep time: the kitchen priority */
              dueAt: string;
              rush: boolean;
              /** @description One ticket per station, made when the order fires */
              tickets: {
                id: string;
                station: string;
                /** @enum {string} */
                status: 'open' | 'bumped';
                firedAt: string;
                bumpedAt?: string;
                items: {
                  lineId: string;
                  bumpedAt?: string;
                }[];
              }[];
              payments: {
                id: string;
                /** @enum {string} */
                method: 'card' | 'cash' | 'external';
                /** @description Towards the order, minor units; a refund is negative */
                amount: number;
                /** @description A tip taken with it (negative on a refund that gave it back) */
                tip?: number;
                /** @description The part of a split bill it paid */
                part?: number;
                /** @description Who took it (whose tip it is) */
                staffId?: string;
                /** @description A refund: the payment it gave money back to */
                refundOf?: string;
                tendered?: number;
                change?: number;
                reference?: string;
                /** @description Last four digits from the terminal; never the card number */
                cardLast4?: string;
                at: string;
              }[];
              /** @enum {string} */
              channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              /** @enum {string} */
              orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
              guestName?: string;
              /** @description The loyalty member it is for: it earns them points when paid */
              memberId?: string;
              lines: {
                lineId: string;
                itemId: string;
                variantId?: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                variantName?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                modifiers: {
                  groupId: string;
                  optionId: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  price: number;
                  /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                  default?: boolean;
                }[];
                quantity: number;
                note?: string;
                station: string;
                allergens: string[];
                /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                parts?: {
                  slotId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Where this slot item is made: its own item’s station */
                  station: string;
                  allergens: string[];
                  /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                  choices: number;
                }[];
                /** @description Item or variant price plus modifier upcharges, minor units */
                unitPrice: number;
                /** @description unitPrice × quantity, minor units */
                lineTotal: number;
                /**
                 * @description Promotions and rewards taken off this line
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax of this line (added, or held in the price with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays for this line */
                total?: number;
                /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                round?: number;
                /** @description Given back in a refund by lines (ISO 8601) */
                refundedAt?: string;
              }[];
              totals: {
                currency: string;
                /** @description Σ line totals before discounts */
                subtotal: number;
                /**
                 * @description Promotions and rewards taken off
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax added on top (or held in the prices, with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays */
                total: number;
              };
              /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
              pricing?: {
                discounts: {
                  promotionId: string;
                  explanation: string;
                  amount: number;
                }[];
                taxes: {
                  name: string;
                  rate: string;
                  inclusive: boolean;
                  amount: number;
                  /** @description The rate in the tax rules (what a line’s taxes name) */
                  rateId?: string;
                }[];
                /** @description Points this order earns */
                loyaltyPoints: number;
                /** @description Points the loyalty rewards it redeems cost */
                loyaltyPointsRedeemed?: number;
                /** @description The moment it was priced, on the store's clock */
                localTime: string;
                /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                overrides?: {
                  lineId: string;
                  explanation: string;
                }[];
              };
              /** @description ISO 8601 */
              placedAt: string;
              paidAt?: string;
              firedAt?: string;
              readyAt?: string;
              pickedUpAt?: string;
              /** @description Completed, cancelled, voided or refunded */
              closedAt?: string;
              /** @description Still to pay, minor units (0 once paid) */
              due?: number;
              /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
              tipTotal?: number;
              /** @description The bill split: each part with its amount, what is paid and what is due */
              split?: {
                /** @enum {string} */
                kind: 'even' | 'lines';
                parts: {
                  /** @description 1-based: what a payment names */
                  part: number;
                  /** @description What the part comes to (an even split shares the total by largest remainder) */
                  amount: number;
                  /** @description Taken for it so far (net of refunds) */
                  paid: number;
                  due: number;
                  /** @description Split by lines: its lines */
                  lineIds?: string[];
                }[];
              };
              /** @description The staff member whose open ticket it is */
              owner?: {
                staffId: string;
                name?: string;
              };
              /** @description Held as an open ticket since (on no counter); absent once recalled */
              heldAt?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/resume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Recall a held open ticket onto this counter (its owner stays) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description Order number to call out, unique per business day */
              number: number;
              businessDay: string;
              /** @enum {string} */
              status:
                | 'placed'
                | 'paid'
                | 'in_kitchen'
                | 'ready'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'voided'
                | 'refunded';
              /** @enum {string} */
              payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
              table?: string;
              promisedAt?: string;
              /** @description Promised time, or placed time plus prep time: the kitchen priority */
              dueAt: string;
              rush: boolean;
              /** @description One ticket per station, made when the order fires */
              tickets: {
                id: string;
                station: string;
                /** @enum {string} */
                status: 'open' | 'bumped';
                firedAt: string;
                bumpedAt?: string;
                items: {
                  lineId: string;
                  bumpedAt?: string;
                }[];
              }[];
              payments: {
                id: string;
                /** @enum {string} */
                method: 'card' | 'cash' | 'external';
                /** @description Towards the order, minor units; a refund is negative */
                amount: number;
                /** @description A tip taken with it (negative on a refund that gave it back) */
                tip?: number;
                /** @description The part of a split bill it paid */
                part?: number;
                /** @description Who took it (whose tip it is) */
                staffId?: string;
                /** @description A refund: the payment it gave money back to */
                refundOf?: string;
                tendered?: number;
                change?: number;
                reference?: string;
                /** @description Last four digits from the terminal; never the card number */
                cardLast4?: string;
                at: string;
              }[];
              /** @enum {string} */
              channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              /** @enum {string} */
              orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
              guestName?: string;
              /** @description The loyalty member it is for: it earns them points when paid */
              memberId?: string;
              lines: {
                lineId: string;
                itemId: string;
                variantId?: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                variantName?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                modifiers: {
                  groupId: string;
                  optionId: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  price: number;
                  /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                  default?: boolean;
                }[];
                quantity: number;
                note?: string;
                station: string;
                allergens: string[];
                /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                parts?: {
                  slotId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Where this slot item is made: its own item’s station */
                  station: string;
                  allergens: string[];
                  /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                  choices: number;
                }[];
                /** @description Item or variant price plus modifier upcharges, minor units */
                unitPrice: number;
                /** @description unitPrice × quantity, minor units */
                lineTotal: number;
                /**
                 * @description Promotions and rewards taken off this line
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax of this line (added, or held in the price with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays for this line */
                total?: number;
                /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                round?: number;
                /** @description Given back in a refund by lines (ISO 8601) */
                refundedAt?: string;
              }[];
              totals: {
                currency: string;
                /** @description Σ line totals before discounts */
                subtotal: number;
                /**
                 * @description Promotions and rewards taken off
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax added on top (or held in the prices, with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays */
                total: number;
              };
              /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
              pricing?: {
                discounts: {
                  promotionId: string;
                  explanation: string;
                  amount: number;
                }[];
                taxes: {
                  name: string;
                  rate: string;
                  inclusive: boolean;
                  amount: number;
                  /** @description The rate in the tax rules (what a line’s taxes name) */
                  rateId?: string;
                }[];
                /** @description Points this order earns */
                loyaltyPoints: number;
                /** @description Points the loyalty rewards it redeems cost */
                loyaltyPointsRedeemed?: number;
                /** @description The moment it was priced, on the store's clock */
                localTime: string;
                /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                overrides?: {
                  lineId: string;
                  explanation: string;
                }[];
              };
              /** @description ISO 8601 */
              placedAt: string;
              paidAt?: string;
              firedAt?: string;
              readyAt?: string;
              pickedUpAt?: string;
              /** @description Completed, cancelled, voided or refunded */
              closedAt?: string;
              /** @description Still to pay, minor units (0 once paid) */
              due?: number;
              /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
              tipTotal?: number;
              /** @description The bill split: each part with its amount, what is paid and what is due */
              split?: {
                /** @enum {string} */
                kind: 'even' | 'lines';
                parts: {
                  /** @description 1-based: what a payment names */
                  part: number;
                  /** @description What the part comes to (an even split shares the total by largest remainder) */
                  amount: number;
                  /** @description Taken for it so far (net of refunds) */
                  paid: number;
                  due: number;
                  /** @description Split by lines: its lines */
                  lineIds?: string[];
                }[];
              };
              /** @description The staff member whose open ticket it is */
              owner?: {
                staffId: string;
                name?: string;
              };
              /** @description Held as an open ticket since (on no counter); absent once recalled */
              heldAt?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Hand an open ticket to another staff member (audited) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The staff member who takes the open ticket over */
            toStaffId: string;
            reason?: string;
          };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description Order number to call out, unique per business day */
              number: number;
              businessDay: string;
              /** @enum {string} */
              status:
                | 'placed'
                | 'paid'
                | 'in_kitchen'
                | 'ready'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'voided'
                | 'refunded';
              /** @enum {string} */
              payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
              table?: string;
              promisedAt?: string;
              /** @description Promised time, or placed time plus prep time: the kitchen priority */
              dueAt: string;
              rush: boolean;
              /** @description One ticket per station, made when the order fires */
              tickets: {
                id: string;
                station: string;
                /** @enum {string} */
                status: 'open' | 'bumped';
                firedAt: string;
                bumpedAt?: string;
                items: {
                  lineId: string;
                  bumpedAt?: string;
                }[];
              }[];
              payments: {
                id: string;
                /** @enum {string} */
                method: 'card' | 'cash' | 'external';
                /** @description Towards the order, minor units; a refund is negative */
                amount: number;
                /** @description A tip taken with it (negative on a refund that gave it back) */
                tip?: number;
                /** @description The part of a split bill it paid */
                part?: number;
                /** @description Who took it (whose tip it is) */
                staffId?: string;
                /** @description A refund: the payment it gave money back to */
                refundOf?: string;
                tendered?: number;
                change?: number;
                reference?: string;
                /** @description Last four digits from the terminal; never the card number */
                cardLast4?: string;
                at: string;
              }[];
              /** @enum {string} */
              channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              /** @enum {string} */
              orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
              guestName?: string;
              /** @description The loyalty member it is for: it earns them points when paid */
              memberId?: string;
              lines: {
                lineId: string;
                itemId: string;
                variantId?: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                variantName?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                modifiers: {
                  groupId: string;
                  optionId: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  price: number;
                  /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                  default?: boolean;
                }[];
                quantity: number;
                note?: string;
                station: string;
                allergens: string[];
                /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                parts?: {
                  slotId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Where this slot item is made: its own item’s station */
                  station: string;
                  allergens: string[];
                  /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                  choices: number;
                }[];
                /** @description Item or variant price plus modifier upcharges, minor units */
                unitPrice: number;
                /** @description unitPrice × quantity, minor units */
                lineTotal: number;
                /**
                 * @description Promotions and rewards taken off this line
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax of this line (added, or held in the price with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays for this line */
                total?: number;
                /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                round?: number;
                /** @description Given back in a refund by lines (ISO 8601) */
                refundedAt?: string;
              }[];
              totals: {
                currency: string;
                /** @description Σ line totals before discounts */
                subtotal: number;
                /**
                 * @description Promotions and rewards taken off
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax added on top (or held in the prices, with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays */
                total: number;
              };
              /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
              pricing?: {
                discounts: {
                  promotionId: string;
                  explanation: string;
                  amount: number;
                }[];
                taxes: {
                  name: string;
                  rate: string;
                  inclusive: boolean;
                  amount: number;
                  /** @description The rate in the tax rules (what a line’s taxes name) */
                  rateId?: string;
                }[];
                /** @description Points this order earns */
                loyaltyPoints: number;
                /** @description Points the loyalty rewards it redeems cost */
                loyaltyPointsRedeemed?: number;
                /** @description The moment it was priced, on the store's clock */
                localTime: string;
                /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                overrides?: {
                  lineId: string;
                  explanation: string;
                }[];
              };
              /** @description ISO 8601 */
              placedAt: string;
              paidAt?: string;
              firedAt?: string;
              readyAt?: string;
              pickedUpAt?: string;
              /** @description Completed, cancelled, voided or refunded */
              closedAt?: string;
              /** @description Still to pay, minor units (0 once paid) */
              due?: number;
              /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
              tipTotal?: number;
              /** @description The bill split: each part with its amount, what is paid and what is due */
              split?: {
                /** @enum {string} */
                kind: 'even' | 'lines';
                parts: {
                  /** @description 1-based: what a payment names */
                  part: number;
                  /** @description What the part comes to (an even split shares the total by largest remainder) */
                  amount: number;
                  /** @description Taken for it so far (net of refunds) */
                  paid: number;
                  due: number;
                  /** @description Split by lines: its lines */
                  lineIds?: string[];
                }[];
              };
              /** @description The staff member whose open ticket it is */
              owner?: {
                staffId: string;
                name?: string;
              };
              /** @description Held as an open ticket since (on no counter); absent once recalled */
              heldAt?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/lines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add lines to a placed, unpaid order: priced with its other lines as placing it whole would; fired as another round if it is in the kitchen */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            lines: {
              /** @description The screen's id of the new line (a line id names one line in the store) */
              lineId: string;
              itemId: string;
              variantId?: string;
              /** @default [] */
              modifiers?: components['schemas']['ModifiersItem'][];
              /**
               * @description Choices for a combo, one per slot
               * @default []
               */
              slots?: {
                /** @description The combo slot */
                slotId: string;
                /** @description The item chosen for it */
                itemId: string;
                /** @description Its size, when the slot offers sizes */
                variantId?: string;
                /**
                 * @description The chosen item's modifiers
                 * @default []
                 */
                modifiers?: components['schemas']['ModifiersItem'][];
              }[];
              quantity: number;
              note?: string;
              /** @description The upsell suggestion the guest added this line from (pricing ignores it; the upsell report counts it) */
              upsellId?: string;
            }[];
          };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description Order number to call out, unique per business day */
              number: number;
              businessDay: string;
              /** @enum {string} */
              status:
                | 'placed'
                | 'paid'
                | 'in_kitchen'
                | 'ready'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'voided'
                | 'refunded';
              /** @enum {string} */
              payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
              table?: string;
              promisedAt?: string;
              /** @description Promised time, or placed time plus prep time: the kitchen priority */
              dueAt: string;
              rush: boolean;
              /** @description One ticket per station, made when the order fires */
              tickets: {
                id: string;
                station: string;
                /** @enum {string} */
                status: 'open' | 'bumped';
                firedAt: string;
                bumpedAt?: string;
                items: {
                  lineId: string;
                  bumpedAt?: string;
                }[];
              }[];
              payments: {
                id: string;
                /** @enum {string} */
                method: 'card' | 'cash' | 'external';
                /** @description Towards the order, minor units; a refund is negative */
                amount: number;
                /** @description A tip taken with it (negative on a refund that gave it back) */
                tip?: number;
                /** @description The part of a split bill it paid */
                part?: number;
                /** @description Who took it (whose tip it is) */
                staffId?: string;
                /** @description A refund: the payment it gave money back to */
                refundOf?: string;
                tendered?: number;
                change?: number;
                reference?: string;
                /** @description Last four digits from the terminal; never the card number */
                cardLast4?: string;
                at: string;
              }[];
              /** @enum {string} */
              channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              /** @enum {string} */
              orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
              guestName?: string;
              /** @description The loyalty member it is for: it earns them points when paid */
              memberId?: string;
              lines: {
                lineId: string;
                itemId: string;
                variantId?: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                variantName?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                modifiers: {
                  groupId: string;
                  optionId: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  price: number;
                  /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                  default?: boolean;
                }[];
                quantity: number;
                note?: string;
                station: string;
                allergens: string[];
                /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                parts?: {
                  slotId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Where this slot item is made: its own item’s station */
                  station: string;
                  allergens: string[];
                  /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                  choices: number;
                }[];
                /** @description Item or variant price plus modifier upcharges, minor units */
                unitPrice: number;
                /** @description unitPrice × quantity, minor units */
                lineTotal: number;
                /**
                 * @description Promotions and rewards taken off this line
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax of this line (added, or held in the price with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays for this line */
                total?: number;
                /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                round?: number;
                /** @description Given back in a refund by lines (ISO 8601) */
                refundedAt?: string;
              }[];
              totals: {
                currency: string;
                /** @description Σ line totals before discounts */
                subtotal: number;
                /**
                 * @description Promotions and rewards taken off
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax added on top (or held in the prices, with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays */
                total: number;
              };
              /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
              pricing?: {
                discounts: {
                  promotionId: string;
                  explanation: string;
                  amount: number;
                }[];
                taxes: {
                  name: string;
                  rate: string;
                  inclusive: boolean;
                  amount: number;
                  /** @description The rate in the tax rules (what a line’s taxes name) */
                  rateId?: string;
                }[];
                /** @description Points this order earns */
                loyaltyPoints: number;
                /** @description Points the loyalty rewards it redeems cost */
                loyaltyPointsRedeemed?: number;
                /** @description The moment it was priced, on the store's clock */
                localTime: string;
                /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                overrides?: {
                  lineId: string;
                  explanation: string;
                }[];
              };
              /** @description ISO 8601 */
              placedAt: string;
              paidAt?: string;
              firedAt?: string;
              readyAt?: string;
              pickedUpAt?: string;
              /** @description Completed, cancelled, voided or refunded */
              closedAt?: string;
              /** @description Still to pay, minor units (0 once paid) */
              due?: number;
              /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
              tipTotal?: number;
              /** @description The bill split: each part with its amount, what is paid and what is due */
              split?: {
                /** @enum {string} */
                kind: 'even' | 'lines';
                parts: {
                  /** @description 1-based: what a payment names */
                  part: number;
                  /** @description What the part comes to (an even split shares the total by largest remainder) */
                  amount: number;
                  /** @description Taken for it so far (net of refunds) */
                  paid: number;
                  due: number;
                  /** @description Split by lines: its lines */
                  lineIds?: string[];
                }[];
              };
              /** @description The staff member whose open ticket it is */
              owner?: {
                staffId: string;
                name?: string;
              };
              /** @description Held as an open ticket since (on no counter); absent once recalled */
              heldAt?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/split': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Split the bill evenly into N parts or by lines (every line in one part), or make it one bill again; only before any payment. Each part is then paid on its own: pay with `part` */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json':
            | {
                /** @constant */
                kind: 'even';
                count: number;
              }
            | {
                /** @constant */
                kind: 'lines';
                parts: string[][];
              }
            | {
                /** @constant */
                kind: 'none';
              };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description Order number to call out, unique per business day */
              number: number;
              businessDay: string;
              /** @enum {string} */
              status:
                | 'placed'
                | 'paid'
                | 'in_kitchen'
                | 'ready'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'voided'
                | 'refunded';
              /** @enum {string} */
              payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
              table?: string;
              promisedAt?: string;
              /** @description Promised time, or placed time plus prep time: the kitchen priority */
              dueAt: string;
              rush: boolean;
              /** @description One ticket per station, made when the order fires */
              tickets: {
                id: string;
                station: string;
                /** @enum {string} */
                status: 'open' | 'bumped';
                firedAt: string;
                bumpedAt?: string;
                items: {
                  lineId: string;
                  bumpedAt?: string;
                }[];
              }[];
              payments: {
                id: string;
                /** @enum {string} */
                method: 'card' | 'cash' | 'external';
                /** @description Towards the order, minor units; a refund is negative */
                amount: number;
                /** @description A tip taken with it (negative on a refund that gave it back) */
                tip?: number;
                /** @description The part of a split bill it paid */
                part?: number;
                /** @description Who took it (whose tip it is) */
                staffId?: string;
                /** @description A refund: the payment it gave money back to */
                refundOf?: string;
                tendered?: number;
                change?: number;
                reference?: string;
                /** @description Last four digits from the terminal; never the card number */
                cardLast4?: string;
                at: string;
              }[];
              /** @enum {string} */
              channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              /** @enum {string} */
              orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
              guestName?: string;
              /** @description The loyalty member it is for: it earns them points when paid */
              memberId?: string;
              lines: {
                lineId: string;
                itemId: string;
                variantId?: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                variantName?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                modifiers: {
                  groupId: string;
                  optionId: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  price: number;
                  /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                  default?: boolean;
                }[];
                quantity: number;
                note?: string;
                station: string;
                allergens: string[];
                /** @description A combo's chosen slot items, each made at its own station (the kitchen's view of the line) */
                parts?: {
                  slotId: string;
                  itemId: string;
                  variantId?: string;
                  /** @description Where this slot item is made: its own item’s station */
                  station: string;
                  allergens: string[];
                  /** @description How many of the line's modifiers describe this slot item: its own entry and the choices made in it (the slot items' entries follow the combo's own choices, in slot order) */
                  choices: number;
                }[];
                /** @description Item or variant price plus modifier upcharges, minor units */
                unitPrice: number;
                /** @description unitPrice × quantity, minor units */
                lineTotal: number;
                /**
                 * @description Promotions and rewards taken off this line
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax of this line (added, or held in the price with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays for this line */
                total?: number;
                /** @description Added after the order went to the kitchen: the round it was fired in (2, 3, …) */
                round?: number;
                /** @description Given back in a refund by lines (ISO 8601) */
                refundedAt?: string;
              }[];
              totals: {
                currency: string;
                /** @description Σ line totals before discounts */
                subtotal: number;
                /**
                 * @description Promotions and rewards taken off
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax added on top (or held in the prices, with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays */
                total: number;
              };
              /** @description Why the order costs what it does: each discount explained, each tax by name and rate */
              pricing?: {
                discounts: {
                  promotionId: string;
                  explanation: string;
                  amount: number;
                }[];
                taxes: {
                  name: string;
                  rate: string;
                  inclusive: boolean;
                  amount: number;
                  /** @description The rate in the tax rules (what a line’s taxes name) */
                  rateId?: string;
                }[];
                /** @description Points this order earns */
                loyaltyPoints: number;
                /** @description Points the loyalty rewards it redeems cost */
                loyaltyPointsRedeemed?: number;
                /** @description The moment it was priced, on the store's clock */
                localTime: string;
                /** @description Lines a manager set the price of, explained: 'Price override (Latte): $4.50 → $3.00 each, regular' */
                overrides?: {
                  lineId: string;
                  explanation: string;
                }[];
              };
              /** @description ISO 8601 */
              placedAt: string;
              paidAt?: string;
              firedAt?: string;
              readyAt?: string;
              pickedUpAt?: string;
              /** @description Completed, cancelled, voided or refunded */
              closedAt?: string;
              /** @description Still to pay, minor units (0 once paid) */
              due?: number;
              /** @description Tips taken with its payments, apart from the sale (net of tips given back) */
              tipTotal?: number;
              /** @description The bill split: each part with its amount, what is paid and what is due */
              split?: {
                /** @enum {string} */
                kind: 'even' | 'lines';
                parts: {
                  /** @description 1-based: what a payment names */
                  part: number;
                  /** @description What the part comes to (an even split shares the total by largest remainder) */
                  amount: number;
                  /** @description Taken for it so far (net of refunds) */
                  paid: number;
                  due: number;
                  /** @description Split by lines: its lines */
                  lineIds?: string[];
                }[];
              };
              /** @description The staff member whose open ticket it is */
              owner?: {
                staffId: string;
                name?: string;
              };
              /** @description Held as an open ticket since (on no counter); absent once recalled */
              heldAt?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tips/declarations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Declare cash tips: your own, or (a shift lead or above) another staff member’s. Card tips are taken with their payments */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Cash tips, minor units */
            amount: number;
            /** @description Whose tips (a shift lead or above for someone else); the one signed in when left out */
            staffId?: string;
          };
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              staffId: string;
              amount: number;
              currency: string;
              businessDay: string;
              at: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tips': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tips by staff for a business day: card tips on the payments each took (net of tips given back) and cash tips declared; not sales */
    get: {
      parameters: {
        query?: {
          day?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              businessDay: string;
              currency: string;
              staff: {
                staffId: string;
                name?: string;
                /** @description Tips taken on their card payments, net of tips given back */
                card: number;
                /** @description Cash tips they declared */
                declared: number;
                total: number;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/x': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The X report: every sale, tender, tax, discount, refund, void, tip and drawer close since the last Z, now (changes nothing) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description x: mid-shift, changes nothing; z: closed the business day
               * @enum {string}
               */
              kind: 'x' | 'z';
              /** @description The business day it reports (the open day for an X) */
              businessDay: string;
              currency: string;
              timeZone: string;
              /** @description The first event it covers: the one after the previous Z */
              fromSeq: number;
              /** @description The last event it covers: the head of the log when it was made */
              throughSeq: number;
              /** @description When the first counted event happened */
              firstAt?: string;
              /** @description ISO 8601 */
              lastAt?: string;
              /** @description ISO 8601 */
              generatedAt: string;
              /** @description Who closed the day (a Z) */
              closedBy?: {
                kind: string;
                id: string;
                role: string;
                name?: string;
              };
              /** @description The business days of the orders it counts (a refund may be of an earlier day) */
              orderDays: string[];
              sales: {
                /** @description Orders paid in full in the period */
                orders: number;
                /** @description Their line totals before discounts (Σ subtotals) */
                gross: number;
                /** @description Promotions, rewards and staff discounts taken off */
                discounts: number;
                /** @description Tax charged (added on top, or held in the prices with VAT) */
                tax: number;
                /** @description What guests paid for them */
                total: number;
                /** @description Sales given back in the period, whenever the order was paid */
                refunds: number;
                /** @description total − refunds */
                net: number;
              };
              /** @description Every channel, in the catalogue’s order */
              byChannel: {
                /** @description Orders paid in full in the period */
                orders: number;
                /** @description Their line totals before discounts (Σ subtotals) */
                gross: number;
                /** @description Promotions, rewards and staff discounts taken off */
                discounts: number;
                /** @description Tax charged (added on top, or held in the prices with VAT) */
                tax: number;
                /** @description What guests paid for them */
                total: number;
                /** @description Sales given back in the period, whenever the order was paid */
                refunds: number;
                /** @description total − refunds */
                net: number;
                /** @enum {string} */
                channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              }[];
              /** @description Hours with sales, earliest first */
              byHour: {
                /** @description The hour on the store's clock the orders were paid in */
                hour: number;
                orders: number;
                /** @description Minor units */
                total: number;
              }[];
              tenders: {
                /** @description card, cash, external (app or online, paid elsewhere) */
                method: string;
                payments: number;
                /** @description Taken towards sales (change and tips excluded) */
                amount: number;
                /** @description Tips taken with them */
                tips: number;
                refunds: number;
                /** @description Sale money given back to this tender */
                refunded: number;
                /** @description Minor units */
                tipsRefunded: number;
                /** @description amount − refunded */
                net: number;
              }[];
              taxes: {
                /** @description The jurisdiction’s rate name, e.g. "NY State" */
                name: string;
                /** @description e.g. "4%" */
                rate: string;
                /** @description Held in the prices (VAT) rather than added */
                inclusive: boolean;
                /** @description Minor units */
                collected: number;
                /** @description Tax of the sales given back (by line, or the rest of the order) */
                refunded: number;
                /** @description Minor units */
                net: number;
              }[];
              /** @description Largest first */
              discounts: {
                /** @description The promotion or reward id; `staff:discount` or `staff:comp` */
                key: string;
                /** @enum {string} */
                kind: 'promotion' | 'reward' | 'staff';
                label: string;
                orders: number;
                /** @description Minor units */
                amount: number;
              }[];
              refunds: {
                orderId: string;
                number?: number;
                /** @description The business day of the order (a refund may come days after it) */
                businessDay?: string;
                /** @description ISO 8601 */
                at: string;
                /** @description Sale money given back */
                amount: number;
                /** @description Tips given back with it */
                tip: number;
                /** @description The tenders it went back to */
                methods: string[];
                /** @description Lines refunded; 0 for the whole order */
                lines: number;
                /** @description Nothing was left to refund after it */
                full: boolean;
                /** @description The order had been paid in full (a sale given back), not a part payment returned */
                sale: boolean;
                reason: string;
                by: {
                  kind: string;
                  id: string;
                  role: string;
                  name?: string;
                };
                /** @description The manager whose PIN approved it */
                approvedBy?: {
                  kind: string;
                  id: string;
                  role: string;
                  name?: string;
                };
              }[];
              voids: {
                orderId: string;
                number?: number;
                businessDay?: string;
                /** @description ISO 8601 */
                at: string;
                /** @description What the order came to when it was voided */
                amount: number;
                reason: string;
                by: {
                  kind: string;
                  id: string;
                  role: string;
                  name?: string;
                };
                approvedBy?: {
                  kind: string;
                  id: string;
                  role: string;
                  name?: string;
                };
              }[];
              /** @description Unpaid orders cancelled (a kiosk order left unpaid) */
              cancelled: {
                orders: number;
                /** @description Minor units */
                amount: number;
              };
              tips: {
                staff: {
                  staffId: string;
                  name?: string;
                  /** @description Card tips on the payments they took, net of tips given back */
                  card: number;
                  /** @description Cash tips declared */
                  declared: number;
                  /** @description Minor units */
                  total: number;
                }[];
                /** @description Card tips taken with no staff member (at a kiosk) */
                unattributed: number;
                /** @description Minor units */
                card: number;
                /** @description Minor units */
                declared: number;
                /** @description Minor units */
                total: number;
              };
              drawers: {
                closed: {
                  drawerId: string;
                  name?: string;
                  sessionId: string;
                  /** @description ISO 8601 */
                  openedAt: string;
                  /** @description ISO 8601 */
                  closedAt: string;
                  /** @description Minor units */
                  openingFloat: number;
                  /** @description Minor units */
                  cashSales: number;
                  /** @description Minor units */
                  cashRefunds: number;
                  /** @description Minor units */
                  paidIn: number;
                  /** @description Minor units */
                  paidOut: number;
                  /** @description Minor units */
                  safeDrops: number;
                  noSales: number;
                  /** @description Minor units */
                  expected: number;
                  /** @description Minor units */
                  counted: number;
                  /** @description counted − expected: over (> 0) or short (< 0) */
                  variance: number;
                  closedBy: {
                    kind: string;
                    id: string;
                    role: string;
                    name?: string;
                  };
                  /** @description The manager who approved a variance past the threshold */
                  approvedBy?: {
                    kind: string;
                    id: string;
                    role: string;
                    name?: string;
                  };
                }[];
                /** @description Sessions opened in the period and not closed by its end */
                open: {
                  drawerId: string;
                  name?: string;
                  sessionId: string;
                  /** @description ISO 8601 */
                  openedAt: string;
                  /**
                   * @description counted: the count waits for a manager’s approval
                   * @enum {string}
                   */
                  status: 'open' | 'counted';
                }[];
                /** @description Σ variance of the closed sessions */
                variance: number;
              };
              /** @description Card payments not settled when the report was made (a snapshot: not in the event log) */
              pendingCardPayments: {
                intentId: string;
                orderId: string;
                orderNumber?: number;
                /** @description Minor units */
                amount: number;
                /** @description open (the terminal is being asked), failed (outcome unknown), reversal-pending */
                status: string;
                reason?: string;
              }[];
              /** @description The members’ ledger entries the store made in the period (loyalty.accrued, redeemed, reversed) */
              loyalty: {
                /** @description Orders paid in full that earned a member points */
                accruals: number;
                pointsIssued: number;
                /** @description Orders that spent a member’s points on rewards */
                redemptions: number;
                pointsRedeemed: number;
                /** @description Points earned, taken back by a whole refund */
                pointsTakenBack: number;
                /** @description Points spent, given back by a cancel, void or refund */
                pointsGivenBack: number;
              };
              /** @description Orders placed in the period still unpaid (or partly paid) at its end: they count when paid */
              openOrders: {
                orders: number;
                /** @description Minor units */
                total: number;
                /** @description Taken towards them so far */
                paid: number;
              };
              /** @description Events of the period that could not be read (see the health page) */
              damagedEvents: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/z': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The Z report of a closed business day, as it was stored when the day was closed */
    get: {
      parameters: {
        query?: {
          day?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description x: mid-shift, changes nothing; z: closed the business day
               * @enum {string}
               */
              kind: 'x' | 'z';
              /** @description The business day it reports (the open day for an X) */
              businessDay: string;
              currency: string;
              timeZone: string;
              /** @description The first event it covers: the one after the previous Z */
              fromSeq: number;
              /** @description The last event it covers: the head of the log when it was made */
              throughSeq: number;
              /** @description When the first counted event happened */
              firstAt?: string;
              /** @description ISO 8601 */
              lastAt?: string;
              /** @description ISO 8601 */
              generatedAt: string;
              /** @description Who closed the day (a Z) */
              closedBy?: {
                kind: string;
                id: string;
                role: string;
                name?: string;
              };
              /** @description The business days of the orders it counts (a refund may be of an earlier day) */
              orderDays: string[];
              sales: {
                /** @description Orders paid in full in the period */
                orders: number;
                /** @description Their line totals before discounts (Σ subtotals) */
                gross: number;
                /** @description Promotions, rewards and staff discounts taken off */
                discounts: number;
                /** @description Tax charged (added on top, or held in the prices with VAT) */
                tax: number;
                /** @description What guests paid for them */
                total: number;
                /** @description Sales given back in the period, whenever the order was paid */
                refunds: number;
                /** @description total − refunds */
                net: number;
              };
              /** @description Every channel, in the catalogue’s order */
              byChannel: {
                /** @description Orders paid in full in the period */
                orders: number;
                /** @description Their line totals before discounts (Σ subtotals) */
                gross: number;
                /** @description Promotions, rewards and staff discounts taken off */
                discounts: number;
                /** @description Tax charged (added on top, or held in the prices with VAT) */
                tax: number;
                /** @description What guests paid for them */
                total: number;
                /** @description Sales given back in the period, whenever the order was paid */
                refunds: number;
                /** @description total − refunds */
                net: number;
                /** @enum {string} */
                channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              }[];
              /** @description Hours with sales, earliest first */
              byHour: {
                /** @description The hour on the store's clock the orders were paid in */
                hour: number;
                orders: number;
                /** @description Minor units */
                total: number;
              }[];
              tenders: {
                /** @description card, cash, external (app or online, paid elsewhere) */
                method: string;
                payments: number;
                /** @description Taken towards sales (change and tips excluded) */
                amount: number;
                /** @description Tips taken with them */
                tips: number;
                refunds: number;
                /** @description Sale money given back to this tender */
                refunded: number;
                /** @description Minor units */
                tipsRefunded: number;
                /** @description amount − refunded */
                net: number;
              }[];
              taxes: {
                /** @description The jurisdiction’s rate name, e.g. "NY State" */
                name: string;
                /** @description e.g. "4%" */
                rate: string;
                /** @description Held in the prices (VAT) rather than added */
                inclusive: boolean;
                /** @description Minor units */
                collected: number;
                /** @description Tax of the sales given back (by line, or the rest of the order) */
                refunded: number;
                /** @description Minor units */
                net: number;
              }[];
              /** @description Largest first */
              discounts: {
                /** @description The promotion or reward id; `staff:discount` or `staff:comp` */
                key: string;
                /** @enum {string} */
                kind: 'promotion' | 'reward' | 'staff';
                label: string;
                orders: number;
                /** @description Minor units */
                amount: number;
              }[];
              refunds: {
                orderId: string;
                number?: number;
                /** @description The business day of the order (a refund may come days after it) */
                businessDay?: string;
                /** @description ISO 8601 */
                at: string;
                /** @description Sale money given back */
                amount: number;
                /** @description Tips given back with it */
                tip: number;
                /** @description The tenders it went back to */
                methods: string[];
                /** @description Lines refunded; 0 for the whole order */
                lines: number;
                /** @description Nothing was left to refund after it */
                full: boolean;
                /** @description The order had been paid in full (a sale given back), not a part payment returned */
                sale: boolean;
                reason: string;
                by: {
                  kind: string;
                  id: string;
                  role: string;
                  name?: string;
                };
                /** @description The manager whose PIN approved it */
                approvedBy?: {
                  kind: string;
                  id: string;
                  role: string;
                  name?: string;
                };
              }[];
              voids: {
                orderId: string;
                number?: number;
                businessDay?: string;
                /** @description ISO 8601 */
                at: string;
                /** @description What the order came to when it was voided */
                amount: number;
                reason: string;
                by: {
                  kind: string;
                  id: string;
                  role: string;
                  name?: string;
                };
                approvedBy?: {
                  kind: string;
                  id: string;
                  role: string;
                  name?: string;
                };
              }[];
              /** @description Unpaid orders cancelled (a kiosk order left unpaid) */
              cancelled: {
                orders: number;
                /** @description Minor units */
                amount: number;
              };
              tips: {
                staff: {
                  staffId: string;
                  name?: string;
                  /** @description Card tips on the payments they took, net of tips given back */
                  card: number;
                  /** @description Cash tips declared */
                  declared: number;
                  /** @description Minor units */
                  total: number;
                }[];
                /** @description Card tips taken with no staff member (at a kiosk) */
                unattributed: number;
                /** @description Minor units */
                card: number;
                /** @description Minor units */
                declared: number;
                /** @description Minor units */
                total: number;
              };
              drawers: {
                closed: {
                  drawerId: string;
                  name?: string;
                  sessionId: string;
                  /** @description ISO 8601 */
                  openedAt: string;
                  /** @description ISO 8601 */
                  closedAt: string;
                  /** @description Minor units */
                  openingFloat: number;
                  /** @description Minor units */
                  cashSales: number;
                  /** @description Minor units */
                  cashRefunds: number;
                  /** @description Minor units */
                  paidIn: number;
                  /** @description Minor units */
                  paidOut: number;
                  /** @description Minor units */
                  safeDrops: number;
                  noSales: number;
                  /** @description Minor units */
                  expected: number;
                  /** @description Minor units */
                  counted: number;
                  /** @description counted − expected: over (> 0) or short (< 0) */
                  variance: number;
                  closedBy: {
                    kind: string;
                    id: string;
                    role: string;
                    name?: string;
                  };
                  /** @description The manager who approved a variance past the threshold */
                  approvedBy?: {
                    kind: string;
                    id: string;
                    role: string;
                    name?: string;
                  };
                }[];
                /** @description Sessions opened in the period and not closed by its end */
                open: {
                  drawerId: string;
                  name?: string;
                  sessionId: string;
                  /** @description ISO 8601 */
                  openedAt: string;
                  /**
                   * @description counted: the count waits for a manager’s approval
                   * @enum {string}
                   */
                  status: 'open' | 'counted';
                }[];
                /** @description Σ variance of the closed sessions */
                variance: number;
              };
              /** @description Card payments not settled when the report was made (a snapshot: not in the event log) */
              pendingCardPayments: {
                intentId: string;
                orderId: string;
                orderNumber?: number;
                /** @description Minor units */
                amount: number;
                /** @description open (the terminal is being asked), failed (outcome unknown), reversal-pending */
                status: string;
                reason?: string;
              }[];
              /** @description The members’ ledger entries the store made in the period (loyalty.accrued, redeemed, reversed) */
              loyalty: {
                /** @description Orders paid in full that earned a member points */
                accruals: number;
                pointsIssued: number;
                /** @description Orders that spent a member’s points on rewards */
                redemptions: number;
                pointsRedeemed: number;
                /** @description Points earned, taken back by a whole refund */
                pointsTakenBack: number;
                /** @description Points spent, given back by a cancel, void or refund */
                pointsGivenBack: number;
              };
              /** @description Orders placed in the period still unpaid (or partly paid) at its end: they count when paid */
              openOrders: {
                orders: number;
                /** @description Minor units */
                total: number;
                /** @description Taken towards them so far */
                paid: number;
              };
              /** @description Events of the period that could not be read (see the health page) */
              damagedEvents: number;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    /** Close the open business day with a Z report: it covers every event since the last Z, is stored in the log (day.closed) and never changes; new orders go to the next day */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date
             * @description The open business day, as the screen showed it: a Z closes exactly this day or nothing
             */
            businessDay: string;
          };
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description x: mid-shift, changes nothing; z: closed the business day
               * @enum {string}
               */
              kind: 'x' | 'z';
              /** @description The business day it reports (the open day for an X) */
              businessDay: string;
              currency: string;
              timeZone: string;
              /** @description The first event it covers: the one after the previous Z */
              fromSeq: number;
              /** @description The last event it covers: the head of the log when it was made */
              throughSeq: number;
              /** @description When the first counted event happened */
              firstAt?: string;
              /** @description ISO 8601 */
              lastAt?: string;
              /** @description ISO 8601 */
              generatedAt: string;
              /** @description Who closed the day (a Z) */
              closedBy?: {
                kind: string;
                id: string;
                role: string;
                name?: string;
              };
              /** @description The business days of the orders it counts (a refund may be of an earlier day) */
              orderDays: string[];
              sales: {
                /** @description Orders paid in full in the period */
                orders: number;
                /** @description Their line totals before discounts (Σ subtotals) */
                gross: number;
                /** @description Promotions, rewards and staff discounts taken off */
                discounts: number;
                /** @description Tax charged (added on top, or held in the prices with VAT) */
                tax: number;
                /** @description What guests paid for them */
                total: number;
                /** @description Sales given back in the period, whenever the order was paid */
                refunds: number;
                /** @description total − refunds */
                net: number;
              };
              /** @description Every channel, in the catalogue’s order */
              byChannel: {
                /** @description Orders paid in full in the period */
                orders: number;
                /** @description Their line totals before discounts (Σ subtotals) */
                gross: number;
                /** @description Promotions, rewards and staff discounts taken off */
                discounts: number;
                /** @description Tax charged (added on top, or held in the prices with VAT) */
                tax: number;
                /** @description What guests paid for them */
                total: number;
                /** @description Sales given back in the period, whenever the order was paid */
                refunds: number;
                /** @description total − refunds */
                net: number;
                /** @enum {string} */
                channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              }[];
              /** @description Hours with sales, earliest first */
              byHour: {
                /** @description The hour on the store's clock the orders were paid in */
                hour: number;
                orders: number;
                /** @description Minor units */
                total: number;
              }[];
              tenders: {
                /** @description card, cash, external (app or online, paid elsewhere) */
                method: string;
                payments: number;
                /** @description Taken towards sales (change and tips excluded) */
                amount: number;
                /** @description Tips taken with them */
                tips: number;
                refunds: number;
                /** @description Sale money given back to this tender */
                refunded: number;
                /** @description Minor units */
                tipsRefunded: number;
                /** @description amount − refunded */
                net: number;
              }[];
              taxes: {
                /** @description The jurisdiction’s rate name, e.g. "NY State" */
                name: string;
                /** @description e.g. "4%" */
                rate: string;
                /** @description Held in the prices (VAT) rather than added */
                inclusive: boolean;
                /** @description Minor units */
                collected: number;
                /** @description Tax of the sales given back (by line, or the rest of the order) */
                refunded: number;
                /** @description Minor units */
                net: number;
              }[];
              /** @description Largest first */
              discounts: {
                /** @description The promotion or reward id; `staff:discount` or `staff:comp` */
                key: string;
                /** @enum {string} */
                kind: 'promotion' | 'reward' | 'staff';
                label: string;
                orders: number;
                /** @description Minor units */
                amount: number;
              }[];
              refunds: {
                orderId: string;
                number?: number;
                /** @description The business day of the order (a refund may come days after it) */
                businessDay?: string;
                /** @description ISO 8601 */
                at: string;
                /** @description Sale money given back */
                amount: number;
                /** @description Tips given back with it */
                tip: number;
                /** @description The tenders it went back to */
                methods: string[];
                /** @description Lines refunded; 0 for the whole order */
                lines: number;
                /** @description Nothing was left to refund after it */
                full: boolean;
                /** @description The order had been paid in full (a sale given back), not a part payment returned */
                sale: boolean;
                reason: string;
                by: {
                  kind: string;
                  id: string;
                  role: string;
                  name?: string;
                };
                /** @description The manager whose PIN approved it */
                approvedBy?: {
                  kind: string;
                  id: string;
                  role: string;
                  name?: string;
                };
              }[];
              voids: {
                orderId: string;
                number?: number;
                businessDay?: string;
                /** @description ISO 8601 */
                at: string;
                /** @description What the order came to when it was voided */
                amount: number;
                reason: string;
                by: {
                  kind: string;
                  id: string;
                  role: string;
                  name?: string;
                };
                approvedBy?: {
                  kind: string;
                  id: string;
                  role: string;
                  name?: string;
                };
              }[];
              /** @description Unpaid orders cancelled (a kiosk order left unpaid) */
              cancelled: {
                orders: number;
                /** @description Minor units */
                amount: number;
              };
              tips: {
                staff: {
                  staffId: string;
                  name?: string;
                  /** @description Card tips on the payments they took, net of tips given back */
                  card: number;
                  /** @description Cash tips declared */
                  declared: number;
                  /** @description Minor units */
                  total: number;
                }[];
                /** @description Card tips taken with no staff member (at a kiosk) */
                unattributed: number;
                /** @description Minor units */
                card: number;
                /** @description Minor units */
                declared: number;
                /** @description Minor units */
                total: number;
              };
              drawers: {
                closed: {
                  drawerId: string;
                  name?: string;
                  sessionId: string;
                  /** @description ISO 8601 */
                  openedAt: string;
                  /** @description ISO 8601 */
                  closedAt: string;
                  /** @description Minor units */
                  openingFloat: number;
                  /** @description Minor units */
                  cashSales: number;
                  /** @description Minor units */
                  cashRefunds: number;
                  /** @description Minor units */
                  paidIn: number;
                  /** @description Minor units */
                  paidOut: number;
                  /** @description Minor units */
                  safeDrops: number;
                  noSales: number;
                  /** @description Minor units */
                  expected: number;
                  /** @description Minor units */
                  counted: number;
                  /** @description counted − expected: over (> 0) or short (< 0) */
                  variance: number;
                  closedBy: {
                    kind: string;
                    id: string;
                    role: string;
                    name?: string;
                  };
                  /** @description The manager who approved a variance past the threshold */
                  approvedBy?: {
                    kind: string;
                    id: string;
                    role: string;
                    name?: string;
                  };
                }[];
                /** @description Sessions opened in the period and not closed by its end */
                open: {
                  drawerId: string;
                  name?: string;
                  sessionId: string;
                  /** @description ISO 8601 */
                  openedAt: string;
                  /**
                   * @description counted: the count waits for a manager’s approval
                   * @enum {string}
                   */
                  status: 'open' | 'counted';
                }[];
                /** @description Σ variance of the closed sessions */
                variance: number;
              };
              /** @description Card payments not settled when the report was made (a snapshot: not in the event log) */
              pendingCardPayments: {
                intentId: string;
                orderId: string;
                orderNumber?: number;
                /** @description Minor units */
                amount: number;
                /** @description open (the terminal is being asked), failed (outcome unknown), reversal-pending */
                status: string;
                reason?: string;
              }[];
              /** @description The members’ ledger entries the store made in the period (loyalty.accrued, redeemed, reversed) */
              loyalty: {
                /** @description Orders paid in full that earned a member points */
                accruals: number;
                pointsIssued: number;
                /** @description Orders that spent a member’s points on rewards */
                redemptions: number;
                pointsRedeemed: number;
                /** @description Points earned, taken back by a whole refund */
                pointsTakenBack: number;
                /** @description Points spent, given back by a cancel, void or refund */
                pointsGivenBack: number;
              };
              /** @description Orders placed in the period still unpaid (or partly paid) at its end: they count when paid */
              openOrders: {
                orders: number;
                /** @description Minor units */
                total: number;
                /** @description Taken towards them so far */
                paid: number;
              };
              /** @description Events of the period that could not be read (see the health page) */
              damagedEvents: number;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/z/days': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The closed business days, newest first, and the day new orders go to now */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The business day new orders go to now */
              openDay: string;
              /** @description Newest first */
              days: {
                businessDay: string;
                /** @description ISO 8601 */
                closedAt: string;
                closedBy?: {
                  kind: string;
                  id: string;
                  role: string;
                  name?: string;
                };
                fromSeq: number;
                throughSeq: number;
                /** @description Net sales of the day (total − refunds) */
                total: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/z/{day}/print': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A closed day’s Z report for a receipt printer: the ESC/POS bytes (base64) and the lines they print */
    get: {
      parameters: {
        query?: {
          width?: number;
        };
        header?: never;
        path: {
          day: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              businessDay: string;
              /** @description Characters per line at normal size */
              width: number;
              /** @constant */
              contentType: 'application/vnd.escpos';
              /** @description The ESC/POS bytes, base64 */
              base64: string;
              /** @description What the paper shows, one printed line per line */
              text: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/e-receipt': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The link of an order’s e-receipt on the store box’s LAN page (the QR code on its receipt) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The e-receipt on the store box’s LAN page, for the QR code */
              url: string;
              /** @description The same page on the address this screen uses (`/receipt/{id}?t=…`) */
              path: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/receipts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An order’s receipt for its guest (public, with the token of its link: `t`): lines, discounts, taxes, tenders, tip and change; nothing about staff */
    get: {
      parameters: {
        query: {
          t: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              store: {
                name: string;
                timeZone: string;
              };
              id: string;
              number: number;
              /** @enum {string} */
              status:
                | 'placed'
                | 'paid'
                | 'in_kitchen'
                | 'ready'
                | 'picked_up'
                | 'completed'
                | 'cancelled'
                | 'voided'
                | 'refunded';
              /** @enum {string} */
              payment: 'unpaid' | 'partially-paid' | 'paid' | 'refunded';
              /** @enum {string} */
              channel: 'kiosk' | 'counter' | 'app' | 'online' | 'marketplace';
              /** @enum {string} */
              orderType: 'dine-in' | 'takeout' | 'pickup' | 'delivery';
              guestName?: string;
              table?: string;
              placedAt: string;
              paidAt?: string;
              lines: {
                lineId: string;
                /** @description Text by language code; "en" is required and is the fallback */
                name: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                /** @description Text by language code; "en" is required and is the fallback */
                variantName?: {
                  en: string;
                } & {
                  [key: string]: string;
                };
                modifiers: {
                  groupId: string;
                  optionId: string;
                  /** @description Text by language code; "en" is required and is the fallback */
                  name: {
                    en: string;
                  } & {
                    [key: string]: string;
                  };
                  price: number;
                  /** @description The group's default option (what the item comes with); kitchen tickets and the KDS leave it out */
                  default?: boolean;
                }[];
                quantity: number;
                note?: string;
                lineTotal: number;
                discount: number;
                total?: number;
                /** @description Given back in a refund by lines */
                refunded?: boolean;
              }[];
              totals: {
                currency: string;
                /** @description Σ line totals before discounts */
                subtotal: number;
                /**
                 * @description Promotions and rewards taken off
                 * @default 0
                 */
                discount: number;
                /**
                 * @description Tax added on top (or held in the prices, with VAT)
                 * @default 0
                 */
                tax: number;
                /** @description What the guest pays */
                total: number;
              };
              pricing?: {
                discounts: {
                  promotionId: string;
                  explanation: string;
                  amount: number;
                }[];
                taxes: {
                  name: string;
                  rate: string;
                  inclusive: boolean;
                  amount: number;
                  /** @description The rate in the tax rules (what a line’s taxes name) */
                  rateId?: string;
                }[];
                /** @description Points this order earns */
                loyaltyPoints: number;
              };
              tenders: {
                /** @enum {string} */
                method: 'card' | 'cash' | 'external';
                /** @description Towards the order; a refund is negative */
                amount: number;
                tip?: number;
                tendered?: number;
                change?: number;
                cardLast4?: string;
                /** @description Money given back */
                refund: boolean;
                at: string;
              }[];
              tipTotal: number;
              due: number;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/relay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The MQTT relay to the cloud: connected, events not yet relayed, the configuration version active by kind */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description A broker is configured (relay.url, or the embedded broker) */
              enabled: boolean;
              connected: boolean;
              /** @description The broker URL, without credentials */
              broker: string;
              /** @description As on the retained state topic: events not yet relayed, the configuration version active by kind */
              state: {
                /** @description false in the last will (the broker publishes it when the edge drops) */
                online: boolean;
                /** @description The edge software's version */
                version: string;
                /** @description The last seq in the store’s log */
                headSeq: number;
                /** @description The last seq the broker acknowledged (the relay’s durable cursor) */
                relayedSeq: number;
                /** @description Events not yet acknowledged: headSeq − relayedSeq */
                backlog: number;
                /**
                 * @description The configuration version active at the store, by kind (0 = the store’s own, never published)
                 * @default {}
                 */
                config: {
                  [key: string]: number;
                };
                /** Format: date-time */
                at: string;
              };
              /** @description The last check of the store’s log against the cloud’s copy, since the edge started (docs/reliability.md) */
              cloudLog?: {
                /**
                 * @description in-step: the log agrees with the cloud’s copy; restored: events it lacked were restored from it; conflict: other events at the same seqs (events are no longer sent); refused: the cloud’s answer was refused; unknown: the cloud could not be asked yet
                 * @enum {string}
                 */
                kind: 'in-step' | 'restored' | 'conflict' | 'refused' | 'unknown';
                /** @description The cloud’s contiguous head for this store */
                cloudSeq?: number;
                /** @description Events restored, or events that differ */
                count?: number;
                fromSeq?: number;
                toSeq?: number;
                reason?: string;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/loyalty/lookup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A loyalty member by their card's QR code, their phone number or their id, with their points: the cloud's (source cloud) or, while it cannot be reached, the last balance it gave plus this store's own entries since (source offline-estimate, with the offline redemption limit) */
    get: {
      parameters: {
        query?: {
          qr?: string;
          phone?: string;
          memberId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              memberId: string;
              /** @description First name, to greet the guest */
              name?: string;
              /** @description The balance to show and to redeem from */
              points: number;
              tierId?: string;
              /**
               * @description cloud: the loyalty service answered now; offline-estimate: it cannot be reached — the last balance it gave plus this store's own entries since
               * @enum {string}
               */
              source: 'cloud' | 'offline-estimate';
              /** @description When the loyalty service last gave this balance (ISO 8601) */
              asOf?: string;
              /** @description Points of this store's own entries (earned, spent) not yet in the service's balance; in `points` */
              pending: number;
              /** @description While offline: the limit of points redeemed per guest per day */
              offline?: {
                maxPointsPerDay: number;
                redeemedToday: number;
                /** @description Points that may still be redeemed today while offline */
                redeemable: number;
              };
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/devices/hardware': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The store’s printers, scanners, drawers and terminal with their state, last error and print queue */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The hardware profile in use; null when the store has none */
              profile: {
                name: string;
                path: string;
              } | null;
              devices: {
                id: string;
                name: string;
                /** @enum {string} */
                role:
                  | 'receipt-printer'
                  | 'kitchen-printer'
                  | 'scanner'
                  | 'cash-drawer'
                  | 'payment-terminal'
                  | 'customer-display';
                driver: string;
                /** @description As the profile writes it: usb:04b8:0e15, tcp:10.0.0.5:9100, virtual, … */
                connection: string;
                /** @description The store box's own twin (the demo's devices) */
                virtual: boolean;
                /** @enum {string} */
                state: 'ready' | 'offline' | 'paper-out' | 'cover-open' | 'error';
                lastError?: string;
                /** @description ISO 8601 */
                lastErrorAt?: string;
                /** @description When the state was last learnt */
                checkedAt?: string;
                backup?: string;
                /** @description A printer's characters per line */
                columns?: number;
                stations?: string[];
                /** @description A cash drawer's printer */
                printer?: string;
                /** @description The screens a scanner's codes go to */
                screen?: string;
                /** @description A HID POS scanner's last scan (a loyalty card's code shown by its prefix only) */
                lastScan?: {
                  /**
                   * @description What the code is (classifyScan); `unreadable`: the scanner sent reports the box could not read
                   * @enum {string}
                   */
                  kind: 'barcode' | 'loyalty' | 'order' | 'invalid' | 'unknown' | 'unreadable';
                  /** @description The code as read (empty when unreadable) */
                  code: string;
                  /**
                   * @description The symbology the scanner named (its AIM identifier's letter)
                   * @enum {string}
                   */
                  symbology:
                    | 'unknown'
                    | 'code-39'
                    | 'code-128'
                    | 'ean-upc'
                    | 'codabar'
                    | 'code-93'
                    | 'itf'
                    | 'pdf417'
                    | 'qr'
                    | 'other'
                    | 'data-matrix'
                    | 'gs1-databar'
                    | 'aztec';
                  /** @description The AIM symbology identifier the scanner sent, e.g. ]E0 */
                  aim: string;
                  /** @enum {string} */
                  format?: 'ean-13' | 'upc-a' | 'ean-8';
                  /** @description An order QR code: the order */
                  orderId?: string;
                  /** @description Why the code is not one the till reads, in words for staff */
                  problem?: string;
                  /** @description ISO 8601 time of the scan */
                  at: string;
                };
                queue: {
                  /** @description Print jobs waiting for it (or being sent) */
                  queued: number;
                  /** @description Of those, how many have failed at least once or were rerouted to it */
                  failing: number;
                };
              }[];
              usb: {
                /** @description Whether this store box can use its USB bus */
                available: boolean;
                devices: {
                  /** @description Hex, as lsusb shows it */
                  vendorId: string;
                  productId: string;
                  bus: number;
                  address: number;
                  /** @description The profile device it is */
                  usedBy?: string;
                  /** @description What the fingerprint table knows of it */
                  fingerprint?: {
                    vendor: string;
                    model: string;
                    role: string;
                    driver: string;
                    confidence: string;
                  };
                }[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/devices/print-jobs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Print jobs, newest first: tickets, receipts, drawer kicks and test slips with their state */
    get: {
      parameters: {
        query?: {
          device?: string;
          order?: string;
          state?: 'queued' | 'printing' | 'printed' | 'unconfirmed' | 'expired' | 'failed' | 'cancelled';
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              jobs: {
                id: string;
                /** @enum {string} */
                kind: 'ticket' | 'receipt' | 'kick' | 'test';
                /** @enum {string} */
                state: 'queued' | 'printing' | 'printed' | 'unconfirmed' | 'expired' | 'failed' | 'cancelled';
                /** @description The printer it goes (or went) to */
                device: string;
                /** @description The printer it was made for, when it went to its backup */
                reroutedFrom?: string;
                orderId?: string;
                orderNumber?: number;
                station?: string;
                attempts: number;
                lastError?: string;
                /** @description ISO 8601 */
                lastErrorAt?: string;
                /** @description ISO 8601 */
                createdAt: string;
                /** @description ISO 8601 */
                printedAt?: string;
                reprintOf?: string;
              }[];
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/devices/print-jobs/{id}/reprint': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Print a ticket, receipt (marked COPY) or test slip again, on its printer or another */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description A UUIDv7 the screen makes: the same id sent twice is one reprint */
            jobId: string;
            /** @description Another printer to print it on (default: the one it was made for) */
            device?: string;
          };
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              kind: 'ticket' | 'receipt' | 'kick' | 'test';
              /** @enum {string} */
              state: 'queued' | 'printing' | 'printed' | 'unconfirmed' | 'expired' | 'failed' | 'cancelled';
              /** @description The printer it goes (or went) to */
              device: string;
              /** @description The printer it was made for, when it went to its backup */
              reroutedFrom?: string;
              orderId?: string;
              orderNumber?: number;
              station?: string;
              attempts: number;
              lastError?: string;
              /** @description ISO 8601 */
              lastErrorAt?: string;
              /** @description ISO 8601 */
              createdAt: string;
              /** @description ISO 8601 */
              printedAt?: string;
              reprintOf?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/devices/hardware/{id}/test-print': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Print a test slip: the printer’s name, address, width and code page */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description A UUIDv7 the screen makes: the same id sent twice is one test slip */
            jobId: string;
          };
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              kind: 'ticket' | 'receipt' | 'kick' | 'test';
              /** @enum {string} */
              state: 'queued' | 'printing' | 'printed' | 'unconfirmed' | 'expired' | 'failed' | 'cancelled';
              /** @description The printer it goes (or went) to */
              device: string;
              /** @description The printer it was made for, when it went to its backup */
              reroutedFrom?: string;
              orderId?: string;
              orderNumber?: number;
              station?: string;
              attempts: number;
              lastError?: string;
              /** @description ISO 8601 */
              lastErrorAt?: string;
              /** @description ISO 8601 */
              createdAt: string;
              /** @description ISO 8601 */
              printedAt?: string;
              reprintOf?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/devices/hardware/{id}/printouts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What a virtual printer printed, newest first, decoded from the bytes it received */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              device: string;
              /** @enum {string} */
              state: 'ready' | 'paper-out' | 'cover-open' | 'error' | 'off';
              /** @description Printouts since the store box started */
              printed: number;
              /** @description Newest first, as the paper shows them (decoded from the bytes it received) */
              printouts: {
                /** @description ISO 8601 */
                at: string;
                bytes: number;
                lines: {
                  text: string;
                  /** @description The text placed as the printer aligns it */
                  layout: string;
                  /** @enum {string} */
                  align: 'left' | 'center' | 'right';
                  bold: boolean;
                  invert: boolean;
                  underline: boolean;
                  widthScale: number;
                  heightScale: number;
                }[];
                cuts: number;
                drawerKicks: number;
                /** @description The QR codes it drew (GS ( k), with what they hold */
                qrCodes: {
                  /** @description How many lines precede it */
                  afterLine: number;
                  data: string;
                }[];
                /** @description Bytes a printer would not understand */
                warnings: string[];
              }[];
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/devices/hardware/{id}/virtual-state': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Put a virtual printer out of paper, open its cover, switch it off, or make it ready */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            state: 'ready' | 'paper-out' | 'cover-open' | 'error' | 'off';
          };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              device: string;
              /** @enum {string} */
              state: 'ready' | 'paper-out' | 'cover-open' | 'error' | 'off';
              /** @description Printouts since the store box started */
              printed: number;
              /** @description Newest first, as the paper shows them (decoded from the bytes it received) */
              printouts: {
                /** @description ISO 8601 */
                at: string;
                bytes: number;
                lines: {
                  text: string;
                  /** @description The text placed as the printer aligns it */
                  layout: string;
                  /** @enum {string} */
                  align: 'left' | 'center' | 'right';
                  bold: boolean;
                  invert: boolean;
                  underline: boolean;
                  widthScale: number;
                  heightScale: number;
                }[];
                cuts: number;
                drawerKicks: number;
                /** @description The QR codes it drew (GS ( k), with what they hold */
                qrCodes: {
                  /** @description How many lines precede it */
                  afterLine: number;
                  data: string;
                }[];
                /** @description Bytes a printer would not understand */
                warnings: string[];
              }[];
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/devices/hardware/{id}/scan': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A virtual HID POS scanner scans a code: its reports are read by the scanner driver and the code goes to the scanner’s screens */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The code the virtual scanner reads */
            code: string;
            /**
             * @description The symbology it says it read (default: ean-upc for digits, qr otherwise)
             * @enum {string}
             */
            symbology?:
              | 'unknown'
              | 'code-39'
              | 'code-128'
              | 'ean-upc'
              | 'codabar'
              | 'code-93'
              | 'itf'
              | 'pdf417'
              | 'qr'
              | 'other'
              | 'data-matrix'
              | 'gs1-databar'
              | 'aztec';
          };
        };
      };
      responses: {
        /** @description OK */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              device: string;
              /** @description HID POS reports the virtual scanner sent for the code */
              reports: number;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/counter/display': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The customer displays linked to this counter */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The customer displays linked to this counter */
              displays: {
                id: string;
                name: string;
              }[];
            };
          };
        };
        /** @description Error */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    /** What this counter's customer display should show now (the ticket, the payment, the thank-you, or idle): kept in memory and sent to the displays linked to this counter */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            phase: 'idle' | 'ticket' | 'paying' | 'thanks';
            currency: string;
            lines: {
              /** @description The line id (a stable key for the screen) */
              id: string;
              /** @description "Caffè Latte (Medium)" */
              name: string;
              quantity: number;
              /** @description Choices and combo contents, one per entry */
              modifiers: string[];
              /** @description Before discounts; absent while the line cannot be priced */
              amount?: number;
              /** @default 0 */
              discount?: number;
            }[];
            discounts: {
              name: string;
              amount: number;
            }[];
            subtotal: number;
            /** @description Each tax by name */
            taxes: {
              name: string;
              amount: number;
            }[];
            total: number;
            member?: {
              /** @description First name, to greet the guest */
              name?: string;
              /** @description Their balance as the store box gave it */
              points: number;
              /** @description The store box's offline estimate (the loyalty service cannot be reached) */
              estimate: boolean;
            };
            /** @description Points this order earns when paid */
            earns?: number;
            payment?: {
              /**
               * @description The tender being taken
               * @enum {string}
               */
              method?: 'cash' | 'card' | 'other';
              /** @description Still to pay */
              due: number;
              /** @description The tip chosen (card) */
              tip?: number;
              /** @description The tip choices offered, as the counter shows them */
              tipOptions?: {
                label: string;
                amount: number;
              }[];
              /** @description Cash handed over */
              tendered?: number;
              /** @description Change to give back */
              change?: number;
            };
            thanks?: {
              orderNumber: number;
              /**
               * Format: uri
               * @description The e-receipt link, shown as a QR code
               */
              receiptUrl?: string;
            };
          };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Linked displays that were sent the state */
              displays: number;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/counter/display/link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Link the customer display showing this code to this counter: from now on it shows this counter */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The code the customer display shows */
            code: string;
          };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              /** @enum {string} */
              role: 'kiosk' | 'kds' | 'pickup' | 'counter' | 'admin' | 'relay' | 'display';
              pairedAt: string;
              pairedBy: string;
              lastSeenAt?: string;
              revokedAt?: string;
            };
          };
        };
        /** @description Error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/display': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What this customer display shows now: its counter and that counter’s latest state, or the code to link it to a counter */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Shown while no ticket is open */
              storeName: string;
              /** @description The counter this display follows; null until a cashier links it */
              counter: {
                id: string;
                name: string;
              } | null;
              /** @description While not linked: the code to enter on the counter (Customer display) to link this display to it */
              linkCode?: string;
              linkCodeExpiresAt?: string;
              /** @description Null until the counter has published */
              state: {
                /** @enum {string} */
                phase: 'idle' | 'ticket' | 'paying' | 'thanks';
                currency: string;
                lines: {
                  /** @description The line id (a stable key for the screen) */
                  id: string;
                  /** @description "Caffè Latte (Medium)" */
                  name: string;
                  quantity: number;
                  /** @description Choices and combo contents, one per entry */
                  modifiers: string[];
                  /** @description Before discounts; absent while the line cannot be priced */
                  amount?: number;
                  /** @default 0 */
                  discount: number;
                }[];
                discounts: {
                  name: string;
                  amount: number;
                }[];
                subtotal: number;
                /** @description Each tax by name */
                taxes: {
                  name: string;
                  amount: number;
                }[];
                total: number;
                member?: {
                  /** @description First name, to greet the guest */
                  name?: string;
                  /** @description Their balance as the store box gave it */
                  points: number;
                  /** @description The store box's offline estimate (the loyalty service cannot be reached) */
                  estimate: boolean;
                };
                /** @description Points this order earns when paid */
                earns?: number;
                payment?: {
                  /**
                   * @description The tender being taken
                   * @enum {string}
                   */
                  method?: 'cash' | 'card' | 'other';
                  /** @description Still to pay */
                  due: number;
                  /** @description The tip chosen (card) */
                  tip?: number;
                  /** @description The tip choices offered, as the counter shows them */
                  tipOptions?: {
                    label: string;
                    amount: number;
                  }[];
                  /** @description Cash handed over */
                  tendered?: number;
                  /** @description Change to give back */
                  change?: number;
                };
                thanks?: {
                  orderNumber: number;
                  /**
                   * Format: uri
                   * @description The e-receipt link, shown as a QR code
                   */
                  receiptUrl?: string;
                };
              } | null;
              /** @description When the counter published the state (ISO 8601) */
              at?: string;
            };
          };
        };
        /** @description Error */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
        /** @description Error */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/payments/offline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Card payments the terminal approved offline (store-and-forward) that no reconciliation has settled yet: each with what it took, their total, and the caps */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              currency: string;
              /** @description Minor units: what the pending offline approvals took, tips included */
              total: number;
              count: number;
              /** @description Largest payment the terminal may approve offline (minor units; 0: none) */
              maxPerTransaction: number;
              /** @description Offline approvals stop once pending ones would pass this (minor units) */
              maxTotal: number;
              /** @description Oldest first */
              items: {
                intentId: string;
                orderId: string;
                orderNumber?: number;
                businessDay?: string;
                /** @description Minor units, tip included */
                amount: number;
                /** @description The terminal’s transaction reference */
                reference?: string;
                cardLast4?: string;
                approvedAt: string;
              }[];
              /** @description The last reconciliation with the terminal since the edge started */
              lastReconciliation?: {
                at: string;
                settled: boolean;
                settledPayments: number;
                message?: string;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/payments/reconciliation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reconcile with the card terminal: it closes its period and forwards what it stored offline; when it reached its acquirer, the offline approvals made before are settled. Answers the terminal's totals */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              at: string;
              /** @description The terminal reached its acquirer: what it stored offline was forwarded */
              settled: boolean;
              /** @description Offline approvals marked settled */
              settledPayments: number;
              /** @description The terminal’s id of the period it closed */
              period?: string;
              totals: {
                brand: string;
                currency: string;
                sales: number;
                salesCount: number;
                refunds: number;
                refundsCount: number;
              }[];
              message?: string;
            };
          };
        };
        /** @description Error */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/payments/terminal/virtual': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The virtual card terminal: what its next sales do, and its latest transactions (no card data) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              poiId: string;
              /** @enum {string} */
              mode: 'approve' | 'decline' | 'timeout' | 'cancel' | 'card-removed' | 'offline' | 'lost-answer';
              next: ('approve' | 'decline' | 'timeout' | 'cancel' | 'card-removed' | 'offline' | 'lost-answer')[];
              cardWaitMs: number;
              timeoutMs: number;
              tipPercent: number;
              /** @description A sale is waiting for the guest on the terminal */
              inProgress: boolean;
              /** @description Sales approved offline, not yet forwarded to the acquirer */
              storedOffline: number;
              /** @description Requests refused because they did not decrypt or authenticate */
              refusedMessages: number;
              /** @description The latest first, at most 50 */
              transactions: {
                /** @enum {string} */
                kind: 'payment' | 'refund';
                serviceId: string;
                merchantReference: string;
                /** @description Minor units, tip included */
                amount: number;
                tip: number;
                currency: string;
                outcome: string;
                reference?: string;
                brand?: string;
                cardLast4?: string;
                offline: boolean;
                forwarded: boolean;
                at: string;
              }[];
            };
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    /** Set what the virtual card terminal does with the next sales: approve, decline, timeout, cancel on the terminal, card removed, offline (store-and-forward), or lose the answer */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description What every sale does from now on: approve; decline (the issuer refuses); timeout (no card is presented until the terminal gives up); cancel (cancelled on the terminal); card-removed; offline (the bank cannot be reached: approved store-and-forward when allowed); lost-answer (approved, but the answer never reaches the edge)
             * @enum {string}
             */
            mode?: 'approve' | 'decline' | 'timeout' | 'cancel' | 'card-removed' | 'offline' | 'lost-answer';
            /** @description One-off behaviours for the next sales, in order, before the mode applies again (replaces the list) */
            next?: ('approve' | 'decline' | 'timeout' | 'cancel' | 'card-removed' | 'offline' | 'lost-answer')[];
            /** @description How long the guest takes to present a card */
            cardWaitMs?: number;
            /** @description How long the terminal waits for a card before it gives up */
            timeoutMs?: number;
            /** @description The tip a guest chooses when the terminal asks for one */
            tipPercent?: number;
          };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              poiId: string;
              /** @enum {string} */
              mode: 'approve' | 'decline' | 'timeout' | 'cancel' | 'card-removed' | 'offline' | 'lost-answer';
              next: ('approve' | 'decline' | 'timeout' | 'cancel' | 'card-removed' | 'offline' | 'lost-answer')[];
              cardWaitMs: number;
              timeoutMs: number;
              tipPercent: number;
              /** @description A sale is waiting for the guest on the terminal */
              inProgress: boolean;
              /** @description Sales approved offline, not yet forwarded to the acquirer */
              storedOffline: number;
              /** @description Requests refused because they did not decrypt or authenticate */
              refusedMessages: number;
              /** @description The latest first, at most 50 */
              transactions: {
                /** @enum {string} */
                kind: 'payment' | 'refund';
                serviceId: string;
                merchantReference: string;
                /** @description Minor units, tip included */
                amount: number;
                tip: number;
                currency: string;
                outcome: string;
                reference?: string;
                brand?: string;
                cardLast4?: string;
                offline: boolean;
                forwarded: boolean;
                at: string;
              }[];
            };
          };
        };
        /** @description Error */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorBody'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ErrorBody: {
      error: {
        code: string;
        message: string;
        details: {
          path?: string;
          message: string;
        }[];
      };
    };
    JsonValue: JsonValue;
    ModifiersItem: {
      /** @description The modifier group */
      groupId: string;
      /** @description The chosen option */
      optionId: string;
      /** @description Choices in groups nested under this option */
      modifiers?: components['schemas']['ModifiersItem'][];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;

/** Any JSON value (a schema that refers to itself as one of its alternatives, e.g. zod's `z.json()`). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
