// Integration and e2e tests talk to the stack `npm test` starts; run alone they would fail
// later with a confusing connection error, so say how to run them instead.
if (process.env.VOLTPAY_TEST_STACK !== '1') {
  throw new Error('These tests need the throwaway stack that `npm test` starts. Run: npm test -- <file filter>');
}
