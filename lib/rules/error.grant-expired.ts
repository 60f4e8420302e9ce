import { errorRule } from './error-rule';

export default errorRule('error.grant-expired');
