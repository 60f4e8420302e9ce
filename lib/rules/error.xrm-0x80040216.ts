import { errorRule } from './error-rule';

export default errorRule('error.xrm-0x80040216');
