import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export const DOCS_PATH = 'docs';

/** The service's OpenAPI document: every route, with bearer tokens as the security scheme. */
export function createSwaggerDocument(app: INestApplication, name: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(`${name} service`)
    .setDescription(`HTTP API of the Social(i)Makers ${name} service. Errors are application/problem+json (RFC 9457).`)
    .addBearerAuth()
    // Deny by default in the guard, so the document says the same; @Public() routes still work
    // without a token.
    .addSecurityRequirements('bearer')
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Serves the UI at /docs and the JSON document at /docs-json. */
export function setupSwagger(app: INestApplication, name: string): void {
  SwaggerModule.setup(DOCS_PATH, app, () => createSwaggerDocument(app, name), {
    jsonDocumentUrl: `${DOCS_PATH}-json`,
    yamlDocumentUrl: `${DOCS_PATH}-yaml`,
  });
}
