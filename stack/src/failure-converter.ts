// The failure converter of every Voltpay client and worker (stack/src/payload-codec.ts): a failure's
// message and stack trace go into its encoded attributes, which the payload codec then encrypts.
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
