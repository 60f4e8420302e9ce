import { errorRule } from './error-rule';

export default errorRule('error.no-dynamics-org');
