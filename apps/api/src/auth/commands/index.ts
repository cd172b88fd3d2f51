import { LoginHandler } from './login/login.handler.js';
import { LogoutHandler } from './logout/logout.handler.js';
import { RegisterHandler } from './register/register.handler.js';

export const AuthCommandHandlers = [LoginHandler, RegisterHandler, LogoutHandler];
