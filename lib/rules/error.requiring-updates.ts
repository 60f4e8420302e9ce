import { errorRule } from './error-rule';

export default errorRule('error.requiring-updates');
