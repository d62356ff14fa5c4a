// The agent inbox's public surface: the router factory and the pieces tools and tests use.
export { createAgentRouter, agentRouters, type AgentRouterDeps } from './router';
export { createAgentDirectory, loadUsersFile, type AgentDirectory, type LoginRequest } from './directory';
export { hashPassword, verifyPassword, hashProblem } from './password';
export { CSRF_HEADER, SESSION_COOKIE } from './http-auth';
