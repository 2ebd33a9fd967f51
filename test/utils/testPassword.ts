/** Password of the test administrator (first run) and of users test helpers create unless told otherwise. */
export const TEST_PASSWORD = 'test-password-1'
