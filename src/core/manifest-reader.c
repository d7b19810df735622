/* manifest-reader.c — component manifests and .mum packages -> catalog defs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One xmlTextReader pass collects the identity, the string table and a small
 * intermediate copy of the configuration schema (manifest-schema.c); the setting
 * tree is built after the pass, so named types may be declared after their use and
 * `$(string.id)` names may point into a string table at the end of the file.
 */
#define G_LOG_DOMAIN "ue-core"
#define _GNU_SOURCE   /* memmem */

#include "manifest-reader.h"
#include "manifest-private.h"

#include <glib/gi18n.h>
#include <libxml/xmlreader.h>
#include <string.h>

G_DEFINE_QUARK (ue-manifest-error-quark, ue_manifest_error)

#define ASM_V1_NS  "urn:schemas-microsoft-com:asm.v1"
#define ASM_V3_NS  "urn:schemas-microsoft-com:asm.v3"

gboolean
ue_manifest_is_compressed (const char *data,
                           gsize       len)
{
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  return len >= 4 && memcmp (data, "DCM\x01", 4) == 0;
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '.' || c == ':';
}

gboolean
ue_manifest_has_settings (const char *data,
                          gsize       len)
{
  static const char tag[] = "configurationSchema";
  const gsize tag_len = sizeof tag - 1;
  const char *end = data + len;
  const char *p = data;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  /* the byte scan below only works for ASCII-compatible encodings */
  if (len >= 2 && ((guchar) data[0] == 0xff || (guchar) data[0] == 0xfe ||
                   data[0] == '\0' || data[1] == '\0'))
    return TRUE;

  while (p < end)
    {
      const char *hit = memmem (p, end - p, tag, tag_len);
      const char *q, *gt;

      if (hit == NULL)
        return FALSE;
      p = hit + tag_len;

      /* a start tag: '<' then an optional prefix right before the name */
      q = hit;
      while (q > data && is_name_char (q[-1]) && q[-1] != ':')
        q--;
      if (q > data && q[-1] == ':')
        {
          q--;
          while (q > data && is_name_char (q[-1]))
            q--;
        }
      if (q == data || q[-1] != '<' || (p < end && is_name_char (*p)))
        continue;

      gt = memchr (p, '>', end - p);
      if (gt == NULL)
        return FALSE;
      if (gt[-1] == '/')
        continue;
      /* content: any child element before the end tag */
      for (q = gt + 1; q + 1 < end; q++)
        if (q[0] == '<')
          {
            if (is_name_char (q[1]) && q[1] != ':' && q[1] != '.' && q[1] != '-')
              return TRUE;
            if (q[1] == '/')
              break;
            if (end - q >= 4 && memcmp (q, "<!--", 4) == 0)
              {
                const char *close = memmem (q + 4, end - q - 4, "-->", 3);
                if (close == NULL)
                  return FALSE;
                q = close + 2;
              }
          }
      p = q;
    }
  return FALSE;
}

/* ---- reader set-up shared by components and packages ---- */

typedef struct
{
  xmlTextReaderPtr  reader;
  const char       *filename;
  GError           *error;   /* first error reported by libxml2 */
} Reader;

static void
reader_on_error (void       *user_data,
                 xmlErrorPtr err)
{
  Reader *r = user_data;
  g_autofree char *text = NULL;

  if (r->error != NULL || err == NULL || err->level < XML_ERR_ERROR)
    return;
  text = g_strchomp (g_strdup (err->message ? err->message : "?"));
  r->error = g_error_new (UE_MANIFEST_ERROR, UE_MANIFEST_ERROR_PARSE,
                          "%s:%d:%d: error: %s", r->filename, err->line, err->int2, text);
}

static void
reader_close (Reader *r)
{
  g_clear_pointer (&r->reader, xmlFreeTextReader);
  g_clear_error (&r->error);
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlSetGenericErrorFunc (NULL, NULL);
}

/* libxml2 reports a failed encoding conversion without a parser context: to stderr,
 * past the reader's own handler. The reader's error (or its failed read) says it. */
static void
drop_structured_error (void        *user_data,
                       xmlErrorPtr  err)
{
}

static void
drop_generic_error (void       *user_data,
                    const char *format,
                    ...)
{
}

static gboolean
reader_open (Reader     *r,
             const char *data,
             gsize       len,
             const char *filename,
             GError    **error)
{
  memset (r, 0, sizeof *r);
  r->filename = filename ? filename : "manifest";
  if (len > G_MAXINT)
    {
      g_set_error (error, UE_MANIFEST_ERROR, UE_MANIFEST_ERROR_FAILED,
                   _("%s: error: the file is too large"), r->filename);
      return FALSE;
    }
  xmlSetStructuredErrorFunc (NULL, drop_structured_error);
  xmlSetGenericErrorFunc (NULL, drop_generic_error);
  /* no NOENT, no DTDLOAD: entities stay unexpanded, nothing is fetched */
  r->reader = xmlReaderForMemory (data, (int) len, NULL, NULL,
                                  XML_PARSE_NONET | XML_PARSE_COMPACT |
                                  XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (r->reader == NULL)
    {
      reader_close (r);
      g_set_error (error, UE_MANIFEST_ERROR, UE_MANIFEST_ERROR_FAILED,
                   _("%s: error: cannot create an XML reader"), r->filename);
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (r->reader, reader_on_error, r);
  return TRUE;
}


/* Advances to the next element start or end; FALSE at the end or on an error (set). */
static gboolean
reader_next (Reader    *r,
             gboolean  *is_end,
             GError   **error)
{
  for (;;)
    {
      int ret = xmlTextReaderRead (r->reader);
      int type;

      if (ret == 0)
        {
          if (r->error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&r->error));
              return FALSE;
            }
          return FALSE;
        }
      if (ret < 0 || r->error != NULL)
        {
          if (r->error == NULL)
            r->error = g_error_new (UE_MANIFEST_ERROR, UE_MANIFEST_ERROR_PARSE,
                                    _("%s: error: not well-formed XML"), r->filename);
          g_propagate_error (error, g_steal_pointer (&r->error));
          return FALSE;
        }
      type = xmlTextReaderNodeType (r->reader);
      if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE)
        {
          g_set_error (error, UE_MANIFEST_ERROR, UE_MANIFEST_ERROR_UNSAFE,
                       _("%s:%d: error: a DOCTYPE or entity is not allowed in a manifest"),
                       r->filename, xmlTextReaderGetParserLineNumber (r->reader));
          return FALSE;
        }
      if (type == XML_READER_TYPE_ELEMENT || type == XML_READER_TYPE_END_ELEMENT)
        {
          *is_end = type == XML_READER_TYPE_END_ELEMENT;
          return TRUE;
        }
    }
}

static gboolean
reader_is (Reader     *r,
           const char *ns,
           const char *local)
{
  const char *uri = (const char *) xmlTextReaderConstNamespaceUri (r->reader);
  return strcmp ((const char *) xmlTextReaderConstLocalName (r->reader), local) == 0 &&
         (ns == NULL || g_strcmp0 (uri, ns) == 0);
}

static gboolean
reader_is_assembly_ns (Reader *r)
{
  const char *uri = (const char *) xmlTextReaderConstNamespaceUri (r->reader);
  return g_strcmp0 (uri, ASM_V3_NS) == 0 || g_strcmp0 (uri, ASM_V1_NS) == 0;
}

char *
_ue_manifest_attr (void       *reader,
                   const char *name,
                   const char *ns)
{
  xmlChar *value;
  char *copy;

  value = ns ? xmlTextReaderGetAttributeNs (reader, (const xmlChar *) name, (const xmlChar *) ns)
             : xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

#define ATTR(r, name) _ue_manifest_attr ((r)->reader, (name), NULL)

static gboolean
reader_check_root (Reader     *r,
                   GError    **error)
{
  gboolean is_end;

  if (!reader_next (r, &is_end, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, UE_MANIFEST_ERROR, UE_MANIFEST_ERROR_PARSE,
                     _("%s: error: the file is empty"), r->filename);
      return FALSE;
    }
  if (!reader_is (r, NULL, "assembly") || !reader_is_assembly_ns (r))
    {
      g_set_error (error, UE_MANIFEST_ERROR, UE_MANIFEST_ERROR_NOT_A_MANIFEST,
                   _("%s:%d: error: the root element is not an assembly (urn:schemas-microsoft-com:asm.v3)"),
                   r->filename, xmlTextReaderGetParserLineNumber (r->reader));
      return FALSE;
    }
  return TRUE;
}

static gboolean
missing_identity (Reader      *r,
                  const char  *name,
                  GError     **error)
{
  if (name != NULL)
    return FALSE;
  g_set_error (error, UE_MANIFEST_ERROR, UE_MANIFEST_ERROR_NOT_A_MANIFEST,
               _("%s: error: the assembly has no assemblyIdentity with a name"), r->filename);
  return TRUE;
}

/* ---- components ---- */

UeComponentDef *
ue_manifest_read_component (const char  *data,
                            gsize        len,
                            const char  *filename,
                            GError     **error)
{
  Reader r;
  gboolean is_end;
  g_autoptr(UeManifestSchema) schema = NULL;
  g_autoptr(UeComponentDef) def = NULL;
  g_autoptr(GError) local_error = NULL;
  int cs_depth = -1, schema_depth = -1, strings_depth = -1;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (ue_manifest_is_compressed (data, len))
    {
      g_set_error (error, UE_MANIFEST_ERROR, UE_MANIFEST_ERROR_COMPRESSED,
                   _("%s: error: the manifest is compressed (DCM/PA30)"),
                   filename ? filename : "manifest");
      return NULL;
    }
  if (!reader_open (&r, data, len, filename, error))
    return NULL;
  if (!reader_check_root (&r, error))
    {
      reader_close (&r);
      return NULL;
    }

  schema = _ue_manifest_schema_new ();
  while (reader_next (&r, &is_end, &local_error))
    {
      int depth = xmlTextReaderDepth (r.reader);
      gboolean empty = !is_end && xmlTextReaderIsEmptyElement (r.reader);

      if (is_end)
        {
          if (depth == schema_depth)
            schema_depth = -1;
          else if (depth == cs_depth)
            cs_depth = -1;
          else if (depth == strings_depth)
            strings_depth = -1;
          continue;
        }

      if (schema_depth >= 0 && depth > schema_depth)
        {
          _ue_manifest_schema_element (schema, r.reader, depth - schema_depth);
          continue;
        }

      if (depth == 1 && def == NULL && reader_is (&r, NULL, "assemblyIdentity"))
        {
          g_autofree char *name = ATTR (&r, "name");
          g_autofree char *arch = ATTR (&r, "processorArchitecture");

          if (missing_identity (&r, name, &local_error))
            break;
          def = ue_component_def_new (name, arch);
          def->version = ATTR (&r, "version");
          def->public_key_token = ATTR (&r, "publicKeyToken");
          def->language = ATTR (&r, "language");
          def->version_scope = ATTR (&r, "versionScope");
        }
      else if (depth == 1 && reader_is (&r, NULL, "description") && !empty)
        {
          xmlChar *text = xmlTextReaderReadString (r.reader);
          if (text != NULL)
            {
              g_autofree char *copy = g_strstrip (g_strdup ((const char *) text));
              _ue_manifest_schema_set_description (schema, copy);
              xmlFree (text);
            }
        }
      else if (reader_is (&r, NULL, "configurationSchema") && !empty)
        cs_depth = depth;
      else if (cs_depth >= 0 && reader_is (&r, UE_XSD_NS, "schema") && !empty)
        schema_depth = depth;
      else if (reader_is (&r, NULL, "stringTable") && !empty)
        strings_depth = depth;
      else if (strings_depth >= 0 && depth == strings_depth + 1 && reader_is (&r, NULL, "string"))
        {
          char *id = ATTR (&r, "id");
          char *value = ATTR (&r, "value");
          if (id != NULL && value != NULL)
            _ue_manifest_schema_add_string (schema, id, value);
          else
            {
              g_free (id);
              g_free (value);
            }
        }
    }

  if (local_error == NULL && def == NULL)
    missing_identity (&r, NULL, &local_error);
  reader_close (&r);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!_ue_manifest_schema_build (schema, def, r.filename, error))
    return NULL;
  return g_steal_pointer (&def);
}

/* ---- packages ---- */

UePackageDef *
ue_manifest_read_package (const char  *data,
                          gsize        len,
                          const char  *filename,
                          GError     **error)
{
  Reader r;
  gboolean is_end;
  g_autoptr(UePackageDef) def = NULL;
  g_autoptr(GPtrArray) features = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *release_type = NULL;
  int package_depth = -1;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!reader_open (&r, data, len, filename, error))
    return NULL;
  if (!reader_check_root (&r, error))
    {
      reader_close (&r);
      return NULL;
    }

  while (reader_next (&r, &is_end, &local_error))
    {
      int depth = xmlTextReaderDepth (r.reader);

      if (is_end)
        {
          if (depth == package_depth)
            package_depth = -1;
          continue;
        }
      if (depth == 1 && def == NULL && reader_is (&r, NULL, "assemblyIdentity"))
        {
          g_autofree char *name = ATTR (&r, "name");

          if (missing_identity (&r, name, &local_error))
            break;
          def = ue_package_def_new (name);
          def->arch = ATTR (&r, "processorArchitecture");
          def->version = ATTR (&r, "version");
          def->public_key_token = ATTR (&r, "publicKeyToken");
          def->language = ATTR (&r, "language");
        }
      else if (depth == 1 && package_depth < 0 && reader_is (&r, NULL, "package"))
        {
          if (release_type == NULL)
            release_type = ATTR (&r, "releaseType");
          if (!xmlTextReaderIsEmptyElement (r.reader))
            package_depth = depth;
        }
      else if (package_depth >= 0 && depth == package_depth + 1 && reader_is (&r, NULL, "update"))
        {
          char *name = ATTR (&r, "name");
          if (name != NULL && !g_ptr_array_find_with_equal_func (features, name, g_str_equal, NULL))
            g_ptr_array_add (features, name);
          else
            g_free (name);
        }
    }

  if (local_error == NULL && def == NULL)
    missing_identity (&r, NULL, &local_error);
  reader_close (&r);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  def->release_type = g_steal_pointer (&release_type);
  g_ptr_array_add (features, NULL);
  g_strfreev (def->features);
  def->features = (GStrv) g_ptr_array_steal (features, NULL);
  return g_steal_pointer (&def);
}
