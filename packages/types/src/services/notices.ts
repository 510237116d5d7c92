import { z } from 'zod';
import { defineContract } from '../contracts.js';

/** HTTP contracts of the notices service. Owned by that service. */
export const _placeholder = z.never();
void defineContract;
