import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import { companyInput, companySchema, profilesInput } from './company.schemas.ts';
import { getCompany, setCompanyProfiles, updateCompany } from './company.usecases.ts';

export function companyRoutes(app: App, deps: Deps) {
  const tags = ['company'];
  app.get(
    '/api/v1/company',
    { config: { permission: 'company:read' }, schema: { tags, summary: 'The company running this installation', response: { 200: companySchema, ...problemResponses(401, 403, 404) } } },
    async (request) => getCompany(deps, ctxOf(request)),
  );
  app.put(
    '/api/v1/company',
    {
      config: { permission: 'company:update' },
      schema: { tags, summary: 'Change the company details', body: companyInput, response: { 200: companySchema, ...problemResponses(400, 401, 403, 404, 422) } },
    },
    async (request) => updateCompany(deps, ctxOf(request), request.body),
  );
  app.put(
    '/api/v1/company/profiles',
    {
      config: { permission: 'company:update' },
      schema: { tags, summary: 'Choose what the company does (the setup guide adapts)', body: profilesInput, response: { 200: companySchema, ...problemResponses(400, 401, 403, 404) } },
    },
    async (request) => setCompanyProfiles(deps, ctxOf(request), request.body.profiles),
  );
}
