import { useTranslation } from 'react-i18next';
import { analyticsApi } from '../api/analytics';
import { LoadStatus } from '../session/status';
import { useLoad } from '../session/use-load';

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  oneOf?: Schema[];
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
}

interface AsyncApiDocument {
  info?: { title?: string; version?: string; description?: string };
  channels?: Record<string, { address?: string; description?: string; messages?: Record<string, { $ref: string }> }>;
  components?: {
    messages?: Record<string, { name: string; summary?: string; payload?: Schema; 'x-producer'?: string; bindings?: { kafka?: { key?: { description?: string } } } }>;
    schemas?: Record<string, Schema>;
  };
}

const lastPart = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

/** A field's type in a line: "string (uuid)", "one of: a, b", "array of string". */
function typeOf(schema: Schema, schemas: Record<string, Schema>): string {
  if (schema.$ref) return lastPart(schema.$ref);
  if (schema.enum) return schema.enum.map(String).join(' | ');
  if (schema.oneOf) return schema.oneOf.map((s) => typeOf(s, schemas)).join(' | ');
  if (schema.type === 'array' && schema.items) return `${typeOf(schema.items, schemas)}[]`;
  return schema.format ? `${schema.type ?? ''} (${schema.format})` : (schema.type ?? '');
}

/** The AsyncAPI document of the platform, rendered: channels, their messages and each payload's fields. */
export function AsyncApiPage() {
  const { t } = useTranslation();
  const state = useLoad(async () => (await analyticsApi.asyncApi()) as AsyncApiDocument, []);
  const doc = state.data;
  const schemas = doc?.components?.schemas ?? {};
  const messages = doc?.components?.messages ?? {};
  return (
    <section>
      <h1>{t('analyst.asyncApiTitle')}</h1>
      <p>{t('analyst.asyncApiIntro')}</p>
      <LoadStatus state={state} />
      {doc?.info && (
        <p>
          <strong>{doc.info.title}</strong> {doc.info.version}
        </p>
      )}
      {Object.entries(doc?.channels ?? {}).map(([id, channel]) => (
        <article key={id} className="card channel" aria-labelledby={`channel-${id}`}>
          <h2 id={`channel-${id}`}>
            {t('analyst.channel')}: <code>{channel.address ?? id}</code>
          </h2>
          {channel.description && <p>{channel.description}</p>}
          <h3>{t('analyst.messages')}</h3>
          {Object.values(channel.messages ?? {}).map(({ $ref }) => {
            const message = messages[lastPart($ref)];
            if (!message) return null;
            const payload = message.payload?.$ref ? schemas[lastPart(message.payload.$ref)] : message.payload;
            return (
              <details key={message.name} className="message">
                <summary>
                  <code>{message.name}</code>
                </summary>
                {message.summary && <p>{message.summary}</p>}
                {message.bindings?.kafka?.key?.description && <p className="hint">{t('analyst.key', { key: message.bindings.kafka.key.description })}</p>}
                {payload?.properties && (
                  <table>
                    <caption>{t('analyst.payload')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('analyst.field')}</th>
                        <th scope="col">{t('analyst.fieldType')}</th>
                        <th scope="col">{t('analyst.required')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {Object.entries(payload.properties).map(([field, schema]) => (
                        <tr key={field}>
                          <th scope="row">
                            <code>{field}</code>
                          </th>
                          <td>
                            <code>{typeOf(schema, schemas)}</code>
                          </td>
                          <td>{payload.required?.includes(field) ? t('common.yes') : t('common.no')}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </details>
            );
          })}
        </article>
      ))}
    </section>
  );
}
