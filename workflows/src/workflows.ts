// Every workflow the worker registers; the worker bundles this file.
export { selfCheckWorkflow } from './self-check/workflow';
export { paymentWorkflow } from './payment/workflow';
export { refundWorkflow } from './refund/workflow';
