/** `npm run docs:hardware`: writes firmware-config/PROFILE.md and hardware-profile.schema.json from the schema. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { FIRMWARE_CONFIG_DIR } from './profile-file.js';
import { hardwareProfileJsonSchema, hardwareProfileMarkdown } from './profile-docs.js';

writeFileSync(join(FIRMWARE_CONFIG_DIR, 'PROFILE.md'), hardwareProfileMarkdown());
// Formatted as the repository's Prettier check wants it.
const schema = await format(hardwareProfileJsonSchema(), { parser: 'json' });
writeFileSync(join(FIRMWARE_CONFIG_DIR, 'hardware-profile.schema.json'), schema);
console.log('wrote firmware-config/PROFILE.md and firmware-config/hardware-profile.schema.json');
