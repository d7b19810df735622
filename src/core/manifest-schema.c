/* manifest-schema.c — a manifest's configuration schema -> setting tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While the reader streams, each xsd construct becomes a SchemaNode (element,
 * complex type, simple type) kept in one array; nothing is resolved yet because a
 * named type may be declared after the element that uses it. The build step then
 * walks the top-level elements, resolves types by QName (namespace URI + local name),
 * folds restriction facets along the base chain and creates the UeSettingDefs.
 */
#define G_LOG_DOMAIN "ue-core"

#include "manifest-private.h"
#include "manifest-reader.h"

#include <glib/gi18n.h>
#include <libxml/xmlreader.h>
#include <string.h>

/* Guards against schemas whose types contain themselves. */
#define MAX_NESTING 24
/* Types used by several elements are expanded for each: a few kB of types that each
 * hold four elements of the next type would expand to millions of settings ("billion
 * laughs" with types). Real components have at most a few thousand. */
#define MAX_SETTINGS 100000

/* What a manifest shows instead of a display name it keeps in a DLL resource */
#define FROM_THE_IMAGE "(from the image)"

typedef enum
{
  NODE_ELEMENT,
  NODE_COMPLEX,
  NODE_SIMPLE,
} NodeKind;

typedef struct _SchemaNode SchemaNode;
struct _SchemaNode
{
  NodeKind     kind;
  char        *name;
  /* elements */
  char        *type_uri;
  char        *type_local;
  SchemaNode  *inline_type;
  char        *default_value;
  char        *passes;          /* wcm:passes as written, NULL when absent */
  char        *key;
  char        *display_name;
  char        *description;
  char        *applies_to;
  gboolean     invisible;
  gboolean     deprecated;
  gboolean     repeating;
  /* complex types: child elements in schema order (borrowed) */
  GPtrArray   *elements;
  /* simple types and simple content: restriction / extension base and facets */
  char        *base_uri;
  char        *base_local;
  GPtrArray   *enums;
  gboolean     has_min, has_max;
  gint64       min, max;
  gint         min_length, max_length;
  char        *pattern;
};

typedef struct
{
  SchemaNode *node;   /* NULL: a subtree we skip (annotations, attributes) */
  int         depth;
} Frame;

struct _UeManifestSchema
{
  GPtrArray  *nodes;          /* owns every SchemaNode */
  GPtrArray  *top;            /* top-level elements */
  GHashTable *types;          /* local name -> named type */
  GHashTable *strings;        /* string table id -> value */
  GArray     *stack;          /* Frame */
  char       *description;
  guint       n_hidden;
  guint       n_built;        /* settings made by the expansion so far */
};

static void
schema_node_free (SchemaNode *node)
{
  g_free (node->name);
  g_free (node->type_uri);
  g_free (node->type_local);
  g_free (node->default_value);
  g_free (node->passes);
  g_free (node->key);
  g_free (node->display_name);
  g_free (node->description);
  g_free (node->applies_to);
  g_clear_pointer (&node->elements, g_ptr_array_unref);
  g_free (node->base_uri);
  g_free (node->base_local);
  g_clear_pointer (&node->enums, g_ptr_array_unref);
  g_free (node->pattern);
  g_free (node);
}

UeManifestSchema *
_ue_manifest_schema_new (void)
{
  UeManifestSchema *schema = g_new0 (UeManifestSchema, 1);

  schema->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) schema_node_free);
  schema->top = g_ptr_array_new ();
  schema->types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  schema->strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  schema->stack = g_array_new (FALSE, FALSE, sizeof (Frame));
  return schema;
}

void
_ue_manifest_schema_free (UeManifestSchema *schema)
{
  g_ptr_array_unref (schema->nodes);
  g_ptr_array_unref (schema->top);
  g_hash_table_unref (schema->types);
  g_hash_table_unref (schema->strings);
  g_array_unref (schema->stack);
  g_free (schema->description);
  g_free (schema);
}

void
_ue_manifest_schema_add_string (UeManifestSchema *schema,
                                char             *id,
                                char             *value)
{
  g_hash_table_replace (schema->strings, id, value);
}

void
_ue_manifest_schema_set_description (UeManifestSchema *schema,
                                     const char       *text)
{
  g_free (schema->description);
  schema->description = *text ? g_strdup (text) : NULL;
}

/* Splits a QName attribute value and resolves its prefix in the reader's scope. */
static void
resolve_qname (xmlTextReaderPtr   reader,
               const char        *qname,
               char             **uri,
               char             **local)
{
  const char *colon = strchr (qname, ':');
  g_autofree char *prefix = colon ? g_strndup (qname, colon - qname) : NULL;
  xmlChar *ns = xmlTextReaderLookupNamespace (reader, (const xmlChar *) prefix);

  g_free (*uri);
  g_free (*local);
  *uri = ns ? g_strdup ((const char *) ns) : NULL;
  *local = g_strdup (colon ? colon + 1 : qname);
  if (ns != NULL)
    xmlFree (ns);
}

static gboolean
parse_int (const char *text,
           gint64     *out)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  if (copy[0] == '+')
    memmove (copy, copy + 1, strlen (copy));
  return g_ascii_string_to_signed (copy, 10, G_MININT64, G_MAXINT64, out, NULL);
}

static SchemaNode *
node_new (UeManifestSchema *schema,
          NodeKind          kind,
          char             *name)
{
  SchemaNode *node = g_new0 (SchemaNode, 1);

  node->kind = kind;
  node->name = name;
  node->min_length = -1;
  node->max_length = -1;
  g_ptr_array_add (schema->nodes, node);
  return node;
}

static void
read_element_attrs (SchemaNode       *node,
                    xmlTextReaderPtr  reader)
{
  g_autofree char *type = _ue_manifest_attr (reader, "type", NULL);
  g_autofree char *max_occurs = _ue_manifest_attr (reader, "maxOccurs", NULL);
  g_autofree char *visible = _ue_manifest_attr (reader, "visible", UE_WCM_NS);
  g_autofree char *deprecated = _ue_manifest_attr (reader, "deprecated", UE_WCM_NS);
  gint64 n;

  if (type != NULL)
    resolve_qname (reader, type, &node->type_uri, &node->type_local);
  node->default_value = _ue_manifest_attr (reader, "default", NULL);
  node->passes = _ue_manifest_attr (reader, "passes", UE_WCM_NS);
  node->key = _ue_manifest_attr (reader, "key", UE_WCM_NS);
  node->display_name = _ue_manifest_attr (reader, "displayName", UE_WCM_NS);
  node->description = _ue_manifest_attr (reader, "description", UE_WCM_NS);
  node->applies_to = _ue_manifest_attr (reader, "appliesTo", UE_UE_NS);
  node->invisible = visible != NULL && g_ascii_strcasecmp (g_strstrip (visible), "false") == 0;
  node->deprecated = deprecated != NULL && g_ascii_strcasecmp (g_strstrip (deprecated), "true") == 0;
  if (max_occurs != NULL)
    node->repeating = strcmp (g_strstrip (max_occurs), "unbounded") == 0 ||
                      (parse_int (max_occurs, &n) && n > 1);
}

/* The type node that facets and bases below the current position belong to. */
static SchemaNode *
current_type (UeManifestSchema *schema)
{
  Frame *top;

  if (schema->stack->len == 0)
    return NULL;
  top = &g_array_index (schema->stack, Frame, schema->stack->len - 1);
  if (top->node == NULL || top->node->kind == NODE_ELEMENT)
    return NULL;
  return top->node;
}

static void
read_facet (SchemaNode       *type,
            const char       *facet,
            xmlTextReaderPtr  reader)
{
  g_autofree char *value = _ue_manifest_attr (reader, "value", NULL);
  gint64 n;

  if (value == NULL)
    return;
  if (strcmp (facet, "enumeration") == 0)
    {
      if (type->enums == NULL)
        type->enums = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (type->enums, g_steal_pointer (&value));
    }
  else if (strcmp (facet, "pattern") == 0)
    {
      g_free (type->pattern);
      type->pattern = g_steal_pointer (&value);
    }
  else if (!parse_int (value, &n))
    return;
  else if (strcmp (facet, "minInclusive") == 0)
    type->has_min = TRUE, type->min = n;
  else if (strcmp (facet, "minExclusive") == 0 && n < G_MAXINT64)
    type->has_min = TRUE, type->min = n + 1;
  else if (strcmp (facet, "maxInclusive") == 0)
    type->has_max = TRUE, type->max = n;
  else if (strcmp (facet, "maxExclusive") == 0 && n > G_MININT64)
    type->has_max = TRUE, type->max = n - 1;
  else if (n >= 0 && n <= G_MAXINT)
    {
      if (strcmp (facet, "length") == 0)
        type->min_length = type->max_length = n;
      else if (strcmp (facet, "minLength") == 0)
        type->min_length = n;
      else if (strcmp (facet, "maxLength") == 0)
        type->max_length = n;
    }
}

void
_ue_manifest_schema_element (UeManifestSchema *schema,
                             void             *reader_ptr,
                             int               depth)
{
  xmlTextReaderPtr reader = reader_ptr;
  const char *local = (const char *) xmlTextReaderConstLocalName (reader);
  gboolean xsd = g_strcmp0 ((const char *) xmlTextReaderConstNamespaceUri (reader), UE_XSD_NS) == 0;
  Frame *parent = NULL;
  Frame frame = { NULL, depth };
  SchemaNode *type;

  /* an element start closes every frame at its depth or deeper, so empty
   * elements (which have no end event) need no special case */
  while (schema->stack->len > 0 &&
         g_array_index (schema->stack, Frame, schema->stack->len - 1).depth >= depth)
    g_array_set_size (schema->stack, schema->stack->len - 1);
  if (schema->stack->len > 0)
    {
      parent = &g_array_index (schema->stack, Frame, schema->stack->len - 1);
      if (parent->node == NULL)
        return;   /* inside a skipped subtree */
    }

  if (!xsd || strcmp (local, "annotation") == 0 || strcmp (local, "attribute") == 0 ||
      strcmp (local, "attributeGroup") == 0)
    {
      g_array_append_val (schema->stack, frame);   /* skip the subtree */
      return;
    }

  if (strcmp (local, "element") == 0)
    {
      SchemaNode *el = node_new (schema, NODE_ELEMENT, _ue_manifest_attr (reader, "name", NULL));

      read_element_attrs (el, reader);
      if (el->name == NULL)
        return;   /* xsd:element ref=… is not used by manifests */
      if (parent == NULL)
        g_ptr_array_add (schema->top, el);
      else if (parent->node->kind == NODE_COMPLEX)
        {
          if (parent->node->elements == NULL)
            parent->node->elements = g_ptr_array_new ();
          g_ptr_array_add (parent->node->elements, el);
        }
      frame.node = el;
      g_array_append_val (schema->stack, frame);
    }
  else if (strcmp (local, "complexType") == 0 || strcmp (local, "simpleType") == 0)
    {
      NodeKind kind = local[0] == 'c' ? NODE_COMPLEX : NODE_SIMPLE;
      SchemaNode *node = node_new (schema, kind, _ue_manifest_attr (reader, "name", NULL));

      if (parent == NULL && node->name != NULL)
        g_hash_table_replace (schema->types, g_strdup (node->name), node);
      else if (parent != NULL && parent->node->kind == NODE_ELEMENT && parent->node->inline_type == NULL)
        parent->node->inline_type = node;
      frame.node = node;
      g_array_append_val (schema->stack, frame);
    }
  else if ((strcmp (local, "restriction") == 0 || strcmp (local, "extension") == 0) &&
           (type = current_type (schema)) != NULL)
    {
      g_autofree char *base = _ue_manifest_attr (reader, "base", NULL);
      if (base != NULL)
        resolve_qname (reader, base, &type->base_uri, &type->base_local);
    }
  else if ((type = current_type (schema)) != NULL)
    read_facet (type, local, reader);
}

/* ---- build ---- */

typedef struct
{
  const char *name;
  gboolean    has_min, has_max;
  gint64      min, max;
} IntegerKind;

static const IntegerKind integer_kinds[] = {
  { "byte", TRUE, TRUE, G_MININT8, G_MAXINT8 },
  { "short", TRUE, TRUE, G_MININT16, G_MAXINT16 },
  { "int", TRUE, TRUE, G_MININT32, G_MAXINT32 },
  { "long", TRUE, TRUE, G_MININT64, G_MAXINT64 },
  { "unsignedByte", TRUE, TRUE, 0, G_MAXUINT8 },
  { "unsignedShort", TRUE, TRUE, 0, G_MAXUINT16 },
  { "unsignedInt", TRUE, TRUE, 0, G_MAXUINT32 },
  { "unsignedLong", TRUE, FALSE, 0, 0 },
  { "integer", FALSE, FALSE, 0, 0 },
  { "nonNegativeInteger", TRUE, FALSE, 0, 0 },
  { "positiveInteger", TRUE, FALSE, 1, 0 },
  { "nonPositiveInteger", FALSE, TRUE, 0, 0 },
  { "negativeInteger", FALSE, TRUE, 0, -1 },
};

static void
apply_builtin (UeSettingDef *def,
               const char   *local)
{
  g_free (def->xsd_type);
  def->xsd_type = g_strdup (local);
  def->value_type = UE_VALUE_TYPE_STRING;
  def->has_min = def->has_max = FALSE;
  if (strcmp (local, "boolean") == 0)
    {
      def->value_type = UE_VALUE_TYPE_BOOLEAN;
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (integer_kinds); i++)
    if (strcmp (local, integer_kinds[i].name) == 0)
      {
        def->value_type = UE_VALUE_TYPE_INTEGER;
        def->has_min = integer_kinds[i].has_min;
        def->min = integer_kinds[i].min;
        def->has_max = integer_kinds[i].has_max;
        def->max = integer_kinds[i].max;
        return;
      }
}

/* Named types are found by local name: a manifest's own types all live in its one
 * schema, while the prefix or default namespace it uses to name them varies (real
 * manifests name the component's namespace, asm.v3 or none). Only the XML Schema
 * namespace is told apart, for the builtin types. */
static SchemaNode *
lookup_type (UeManifestSchema *schema,
             const char       *uri,
             const char       *local)
{
  if (local == NULL || g_strcmp0 (uri, UE_XSD_NS) == 0)
    return NULL;
  return g_hash_table_lookup (schema->types, local);
}

/* Applies a simple type (or a builtin named by uri/local when type is NULL) to def,
 * base first so the derived type's facets win. */
static void
apply_simple (UeManifestSchema *schema,
              UeSettingDef     *def,
              SchemaNode       *type,
              const char       *uri,
              const char       *local,
              guint             nesting)
{
  if (type == NULL)
    {
      apply_builtin (def, local != NULL ? local : "string");
      /* a name nothing declares, outside XML Schema: plain text */
      if (def->value_type == UE_VALUE_TYPE_STRING && g_strcmp0 (uri, UE_XSD_NS) != 0)
        {
          g_free (def->xsd_type);
          def->xsd_type = g_strdup ("string");
        }
      return;
    }
  if (nesting > MAX_NESTING)
    return;
  apply_simple (schema, def, lookup_type (schema, type->base_uri, type->base_local),
                type->base_uri, type->base_local, nesting + 1);

  if (type->enums != NULL && type->enums->len > 0)
    {
      g_strfreev (def->enum_values);
      def->enum_values = g_new0 (char *, type->enums->len + 1);
      for (guint i = 0; i < type->enums->len; i++)
        def->enum_values[i] = g_strdup (g_ptr_array_index (type->enums, i));
      def->value_type = UE_VALUE_TYPE_ENUM;
    }
  if (type->has_min)
    def->has_min = TRUE, def->min = type->min;
  if (type->has_max)
    def->has_max = TRUE, def->max = type->max;
  if (type->min_length >= 0)
    def->min_length = type->min_length;
  if (type->max_length >= 0)
    def->max_length = type->max_length;
  if (type->pattern != NULL)
    {
      g_free (def->pattern);
      def->pattern = g_strdup (type->pattern);
    }
}

static char *
resolve_text (UeManifestSchema *schema,
              const char       *text,
              const char       *for_resource)
{
  gsize len;

  if (text == NULL)
    return NULL;
  len = strlen (text);
  if (g_str_has_prefix (text, "$(string.") && len > 10 && text[len - 1] == ')')
    {
      g_autofree char *id = g_strndup (text + 9, len - 10);
      return g_strdup (g_hash_table_lookup (schema->strings, id));
    }
  if (text[0] == '@')
    return g_strdup (for_resource);
  return len > 0 ? g_strdup (text) : NULL;
}

/* Collects the child elements of a complex type, those of its base type first. */
static void
collect_elements (UeManifestSchema *schema,
                  SchemaNode       *type,
                  GPtrArray        *out,
                  guint             nesting)
{
  SchemaNode *base = lookup_type (schema, type->base_uri, type->base_local);

  if (nesting > MAX_NESTING)
    return;
  if (base != NULL && base->kind == NODE_COMPLEX)
    collect_elements (schema, base, out, nesting + 1);
  if (type->elements != NULL)
    g_ptr_array_extend (out, type->elements, NULL, NULL);
}

/* TRUE when a complex type holds text (simpleContent), not child elements */
static gboolean
has_simple_content (UeManifestSchema *schema,
                    SchemaNode       *type,
                    guint             nesting)
{
  SchemaNode *base;

  if (nesting > MAX_NESTING || type->elements != NULL)
    return FALSE;
  if (type->base_local == NULL)
    return FALSE;
  base = lookup_type (schema, type->base_uri, type->base_local);
  if (base == NULL || base->kind == NODE_SIMPLE)
    return TRUE;
  return has_simple_content (schema, base, nesting + 1);
}

/* Returns NULL for a setting that no pass can set; the caller counts it. A setting is
 * a child of PARENT (when given) before its own children are built: each path is then
 * made once, where adding a finished subtree would remake every path below it, once
 * for each level (n·depth string copies for a deep schema). */
static UeSettingDef *
build_setting (UeManifestSchema *schema,
               SchemaNode       *el,
               UePassFlags       inherited,
               guint             nesting,
               UeSettingDef     *parent)
{
  SchemaNode *type = el->inline_type ? el->inline_type : lookup_type (schema, el->type_uri, el->type_local);
  UePassFlags passes = el->passes ? ue_pass_flags_parse (el->passes) : inherited;
  gboolean complex = type != NULL && type->kind == NODE_COMPLEX && !has_simple_content (schema, type, 0);
  g_autoptr(UeSettingDef) def = NULL;
  UeSettingKind kind;

  if (nesting > MAX_NESTING || ++schema->n_built > MAX_SETTINGS)
    return NULL;
  kind = el->repeating ? UE_SETTING_KIND_LIST : complex ? UE_SETTING_KIND_COMPLEX : UE_SETTING_KIND_SIMPLE;
  def = ue_setting_def_new (el->name, kind);

  if (complex)
    {
      g_autoptr(GPtrArray) elements = g_ptr_array_new ();
      guint hidden_before = schema->n_hidden;
      UePassFlags union_passes = UE_PASS_NONE;

      def->value_type = UE_VALUE_TYPE_NONE;
      if (parent != NULL)
        ue_setting_def_add_child (parent, def);
      collect_elements (schema, type, elements, 0);
      for (guint i = 0; i < elements->len; i++)
        {
          g_autoptr(UeSettingDef) child = build_setting (schema, g_ptr_array_index (elements, i),
                                                         passes, nesting + 1, def);
          if (child == NULL)
            {
              schema->n_hidden++;
              continue;
            }
          union_passes |= child->passes;
        }
      if (passes == UE_PASS_NONE)
        {
          /* no pass of its own: kept only as the way to a child that has one */
          if (def->children->len == 0)
            {
              schema->n_hidden = hidden_before;
              /* added last, so still the last child: the children built after it are its own */
              if (parent != NULL)
                g_ptr_array_remove_index (parent->children, parent->children->len - 1);
              return NULL;
            }
          passes = union_passes;
        }
    }
  else
    {
      if (passes == UE_PASS_NONE)
        return NULL;
      apply_simple (schema, def, type, el->type_uri, el->type_local, 0);
      if (parent != NULL)
        ue_setting_def_add_child (parent, def);
    }

  def->passes = passes;
  def->default_value = g_strdup (el->default_value);
  def->visible = !el->invisible;
  def->deprecated = el->deprecated;
  def->display_name = resolve_text (schema, el->display_name, FROM_THE_IMAGE);
  def->description = resolve_text (schema, el->description, NULL);
  def->applies_to = g_strdup (el->applies_to);
  if (el->key != NULL && *el->key != '\0')
    {
      UeSettingDef *key_child = ue_setting_def_find_child (def, el->key);
      if (el->key[0] == '@' || key_child == NULL || !key_child->visible)
        def->key = g_strdup ("@keyValue");
      else
        def->key = g_strdup (el->key);
    }
  return g_steal_pointer (&def);
}

gboolean
_ue_manifest_schema_build (UeManifestSchema *schema,
                           UeComponentDef   *def,
                           const char       *filename,
                           GError          **error)
{
  g_free (def->description);
  def->description = g_steal_pointer (&schema->description);
  schema->n_hidden = 0;
  schema->n_built = 0;
  for (guint i = 0; i < schema->top->len && schema->n_built <= MAX_SETTINGS; i++)
    {
      g_autoptr(UeSettingDef) setting = build_setting (schema, g_ptr_array_index (schema->top, i),
                                                       UE_PASS_NONE, 0, NULL);
      if (setting == NULL)
        schema->n_hidden++;
      else
        ue_component_def_add_setting (def, setting);
    }
  def->n_hidden = schema->n_hidden;
  if (schema->n_built > MAX_SETTINGS)
    {
      g_set_error (error, UE_MANIFEST_ERROR, UE_MANIFEST_ERROR_UNSAFE,
                   _("%s: error: the settings schema expands to more than %u settings (types nested in types): not read"),
                   filename, MAX_SETTINGS);
      return FALSE;
    }
  return TRUE;
}
