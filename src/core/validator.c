/* validator.c — answer document × catalog → messages with line:column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This file walks the document: root, passes, servicing, component identity, and the
 * catalog-independent checks below a component (hidden passwords, unrendered template
 * placeholders). validator-settings.c checks each setting against the catalog.
 */
#define G_LOG_DOMAIN "ue-core"

#include <glib/gi18n.h>
#include <string.h>

#include "secret.h"
#include "validator.h"
#include "validator-private.h"

static const char * const known_archs[] = { "x86", "amd64", "wow64", "arm64", "ia64", "arm", NULL };

/* ---- reporting ---- */

static void
report_full (UeCheck           *check,
             UeMessageSeverity  severity,
             UeNode            *node,
             guint              line,
             guint              column,
             const char        *text)
{
  g_autofree char *path = NULL;

  if (node != NULL)
    {
      path = ue_node_dup_path (node);
      if (path == NULL && ue_node_get_kind (node) == UE_NODE_KIND_COMPONENT)
        path = ue_node_dup_attribute (node, "name");
    }
  g_ptr_array_add (check->found, ue_message_new (severity, check->file, line, column, text, path,
                                                 check->doc, node));
}

void
_ue_check_report_at (UeCheck           *check,
                     UeMessageSeverity  severity,
                     UeNode            *node,
                     guint              line,
                     guint              column,
                     const char        *text)
{
  report_full (check, severity, node, line, column, text);
}

void
_ue_check_report (UeCheck           *check,
                  UeMessageSeverity  severity,
                  UeNode            *node,
                  const char        *attr,
                  const char        *format,
                  ...)
{
  g_autofree char *text = NULL;
  va_list args;
  guint line = 0, column = 0;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  if (node != NULL && attr != NULL)
    {
      /* the position lookup wants the local name ("wcm:action" → "action") */
      const char *colon = strchr (attr, ':');
      ue_node_get_attribute_position (node, colon ? colon + 1 : attr, &line, &column);
    }
  else if (node != NULL)
    ue_node_get_position (node, &line, &column);
  report_full (check, severity, node, line, column, text);
}

static guint
line_of (UeNode *node)
{
  guint line = 0;

  ue_node_get_position (node, &line, NULL);
  return line;
}

/* ---- placeholders between elements and in values ---- */

static gboolean
is_unicode_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Text between elements: a placeholder line is a warning each; any other text (often
 * no-break spaces pasted from a web page) is mixed content the schema does not allow,
 * reported once per element. */
static void
check_stray_text (UeCheck *check,
                  UeNode  *node)
{
  xmlNode *element = XML_NODE (node);
  UeSource *source = _ue_answer_doc_get_source (check->doc);
  gboolean reported = FALSE;

  if (_ue_xml_first_element (element) == NULL)
    return;
  for (xmlNode *c = element->children; c != NULL; c = c->next)
    {
      const char *content = (const char *) c->content;
      g_autofree char *placeholder = NULL;
      g_autofree char *text = NULL;
      guint line = 0, column = 0;

      if (c->type != XML_TEXT_NODE || _ue_xml_is_blank (c) || content == NULL)
        continue;
      placeholder = _ue_find_placeholder (content, FALSE);
      if (placeholder == NULL && reported)
        continue;
      ue_node_get_position (node, &line, &column);
      if (source != NULL && c->_private != NULL)
        {
          gsize offset = ((UeRawSpan *) c->_private)->start;
          while (offset < source->len && g_ascii_isspace (source->text[offset]))
            offset++;
          _ue_source_offset_to_position (source, offset, &line, &column);
        }
      if (placeholder != NULL)
        {
          text = g_strdup_printf (_("“%s” between elements looks like an unrendered template placeholder"),
                                  placeholder);
          _ue_check_report_at (check, UE_MESSAGE_SEVERITY_WARNING, node, line, column, text);
          continue;
        }
      if (is_unicode_blank (content))
        text = g_strdup_printf (_("<%s> holds spaces that are not XML white space (no-break or ideographic "
                                  "spaces) between its elements; Windows Setup reads them as text"),
                                ue_node_get_name (node));
      else
        {
          g_autofree char *stripped = g_strstrip (g_strdup (content));
          text = g_strdup_printf (_("<%s> holds the text “%s” between its elements, where only elements belong"),
                                  ue_node_get_name (node), stripped);
        }
      _ue_check_report_at (check, UE_MESSAGE_SEVERITY_ERROR, node, line, column, text);
      reported = TRUE;
    }
}

static char *
trimmed_text (UeNode *node)
{
  char *text = node ? ue_node_dup_text (node) : NULL;
  return text ? g_strstrip (text) : NULL;
}

/* PlainText=false promises WSIM's encoding; Setup fails on anything else */
static void
check_password (UeCheck *check,
                UeNode  *node)
{
  const char *name = ue_node_get_name (node);
  UeNode *value_node = ue_answer_doc_find_child (check->doc, node, "Value");
  g_autofree char *plain = trimmed_text (ue_answer_doc_find_child (check->doc, node, "PlainText"));
  g_autofree char *value = trimmed_text (value_node);
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  if (value_node == NULL || value == NULL || plain == NULL || g_ascii_strcasecmp (plain, "false") != 0)
    return;
  if (_ue_has_placeholder (value, FALSE))
    return;   /* reported as a placeholder */
  password = ue_secret_decode (name, value, &error);
  if (password == NULL)
    _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, value_node, NULL,
                      _("“%s” has PlainText false, but its Value is not a hidden password "
                        "(WSIM’s “Hide Sensitive Data” encoding of the password followed by “%s”)"),
                      name, name);
  else
    memset (password, 0, strlen (password));
}

/* catalog-independent checks on every element below a component */
static void
check_subtree (UeCheck *check,
               UeNode  *node)
{
  for (UeNode *child = ue_node_get_first_child (node); child; child = ue_node_get_next (child))
    {
      const char *name = ue_node_get_name (child);
      g_autofree char *text = ue_node_dup_text (child);

      if (text != NULL)
        {
          /* a password may hold any character: only a whole %NAME% is suspicious there */
          gboolean secret = ue_secret_is_password_element (name) ||
                            ue_secret_is_password_element (ue_node_get_name (node));
          g_autofree char *placeholder = _ue_find_placeholder (text, secret || _ue_is_command_like (name));
          if (placeholder != NULL)
            _ue_check_report (check, UE_MESSAGE_SEVERITY_WARNING, child, NULL,
                              _("“%s” contains “%s”, which looks like an unrendered template placeholder"),
                              name, placeholder);
          continue;
        }
      if (ue_secret_is_password_element (name))
        check_password (check, child);
      check_stray_text (check, child);
      check_subtree (check, child);
    }
}

/* ---- components ---- */

static gboolean
catalog_is_usable (UeCheck *check)
{
  return check->catalog != NULL && ue_catalog_get_components (check->catalog)->len > 0;
}

/* a required identity attribute: reports it missing or empty; returns the value or NULL */
static char *
required_attribute (UeCheck    *check,
                    UeNode     *component,
                    const char *label,
                    const char *attr)
{
  char *value = ue_node_dup_attribute (component, attr);

  if (value == NULL)
    _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, component, NULL,
                      _("component %s has no %s attribute"), label, attr);
  else if (*g_strstrip (value) == '\0')
    {
      _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, component, attr,
                        _("component %s has an empty %s attribute"), label, attr);
      g_clear_pointer (&value, g_free);
    }
  return value;
}

/* returns the architecture when it is a known one */
static char *
check_architecture (UeCheck    *check,
                    UeNode     *component,
                    const char *label)
{
  g_autofree char *arch = required_attribute (check, component, label, "processorArchitecture");

  if (arch == NULL)
    return NULL;
  if (g_strv_contains (known_archs, arch))
    return g_steal_pointer (&arch);
  for (guint i = 0; known_archs[i] != NULL; i++)
    if (g_ascii_strcasecmp (known_archs[i], arch) == 0)
      {
        _ue_check_report (check, UE_MESSAGE_SEVERITY_WARNING, component, "processorArchitecture",
                          _("processorArchitecture “%s” is written “%s” by Windows tools"), arch, known_archs[i]);
        return g_strdup (known_archs[i]);
      }
  if (_ue_has_placeholder (arch, FALSE))
    _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, component, "processorArchitecture",
                      _("processorArchitecture “%s” is an unrendered template placeholder, "
                        "not one of x86, amd64, wow64, arm64, ia64, arm"), arch);
  else
    _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, component, "processorArchitecture",
                      _("processorArchitecture “%s” is not one of x86, amd64, wow64, arm64, ia64, arm"), arch);
  return NULL;
}

static void
check_component (UeCheck     *check,
                 UeNode      *component,
                 const char  *pass_name,
                 UePassFlags  pass,
                 GHashTable  *seen)
{
  g_autofree char *name = NULL;
  g_autofree char *arch = NULL;
  g_autofree char *token = NULL;
  g_autofree char *language = NULL;
  g_autofree char *scope = NULL;
  const char *label;
  UeComponentDef *def = NULL;

  name = required_attribute (check, component, _("(no name)"), "name");
  label = name ? name : _("(no name)");
  arch = check_architecture (check, component, label);
  token = required_attribute (check, component, label, "publicKeyToken");
  language = required_attribute (check, component, label, "language");
  scope = ue_node_dup_attribute (component, "versionScope");

  /* xmlns="" on a component by mistake takes it out of its pass's namespace */
  if (strcmp (ue_node_get_namespace (component), ue_node_get_namespace (ue_node_get_parent (component))) != 0)
    _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, component, NULL,
                      _("component %s is not in the answer-file namespace (its xmlns is “%s”); "
                        "Windows Setup skips it"), label, ue_node_get_namespace (component));

  if (scope != NULL && strcmp (scope, "nonSxS") != 0)
    _ue_check_report (check, UE_MESSAGE_SEVERITY_WARNING, component, "versionScope",
                      _("versionScope “%s” is written “nonSxS” by Windows tools"), scope);
  if (language != NULL && _ue_has_placeholder (language, FALSE))
        _ue_check_report (check, UE_MESSAGE_SEVERITY_WARNING, component, "language",
                          _("language “%s” looks like an unrendered template placeholder"), language);

  if (name != NULL && arch != NULL)
    {
      g_autofree char *key = g_strdup_printf ("%s|%s", name, arch);
      g_autofree char *folded = g_utf8_casefold (key, -1);
      UeNode *first = g_hash_table_lookup (seen, folded);

      if (first != NULL)
        _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, component, NULL,
                          _("component %s (%s) appears twice in pass %s (first at line %u)"),
                          name, arch, pass_name, line_of (first));
      else
        g_hash_table_insert (seen, g_steal_pointer (&folded), component);
    }

  if (name != NULL && catalog_is_usable (check))
    {
      def = ue_catalog_find_component (check->catalog, name, arch);
      if (def == NULL && arch != NULL)
        def = ue_catalog_find_component (check->catalog, name, NULL);
      if (def == NULL)
        _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, component, "name",
                          _("unknown component “%s”"), name);
      else if (strcmp (def->name, name) != 0)
        _ue_check_report (check, UE_MESSAGE_SEVERITY_WARNING, component, "name",
                          _("component name “%s” differs in case from the catalog’s “%s” "
                            "(Windows compares names without case)"), name, def->name);
    }
  if (token != NULL)
    {
      const char *expected = def && def->public_key_token ? def->public_key_token : UE_PUBLIC_KEY_TOKEN;
      if (g_ascii_strcasecmp (token, expected) != 0)
        _ue_check_report (check, UE_MESSAGE_SEVERITY_WARNING, component, "publicKeyToken",
                          _("publicKeyToken “%s” is not the component’s “%s”"), token, expected);
    }

  check_stray_text (check, component);
  check_subtree (check, component);
  if (def != NULL)
    _ue_check_settings (check, component, def, pass);
}

/* ---- passes, servicing, root ---- */

static void
check_pass (UeCheck    *check,
            UeNode     *node,
            GHashTable *passes_seen)
{
  g_autofree char *pass = ue_node_dup_attribute (node, "pass");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint number = 0;

  if (pass == NULL)
    _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, node, NULL, _("<settings> has no pass attribute"));
  else if ((number = ue_pass_number_from_name (pass)) == 0)
    {
      const char *suggestion = NULL;
      for (guint i = 1; i <= UE_N_PASSES; i++)
        if (g_ascii_strcasecmp (pass, ue_pass_name (i)) == 0)
          suggestion = ue_pass_name (i);
      if (suggestion != NULL)
        _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, node, "pass",
                          _("unknown pass “%s”; did you mean “%s”?"), pass, suggestion);
      else
        _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, node, "pass",
                          _("unknown pass “%s”; the passes are windowsPE, offlineServicing, generalize, "
                            "specialize, auditSystem, auditUser, oobeSystem"), pass);
    }
  else if (g_hash_table_contains (passes_seen, pass))
    _ue_check_report (check, UE_MESSAGE_SEVERITY_WARNING, node, "pass",
                      _("pass “%s” appears a second time (first at line %u); keep one <settings> "
                        "element per pass"), pass, line_of (g_hash_table_lookup (passes_seen, pass)));
  else
    g_hash_table_insert (passes_seen, g_strdup (pass), node);

  check_stray_text (check, node);
  for (UeNode *child = ue_node_get_first_child (node); child; child = ue_node_get_next (child))
    {
      if (strcmp (ue_node_get_name (child), "component") == 0)
        check_component (check, child, pass ? pass : "?", ue_pass_flag (number), seen);
      else
        _ue_check_report (check, UE_MESSAGE_SEVERITY_WARNING, child, NULL,
                          _("unexpected element <%s> in a pass; only <component> elements belong here"),
                          ue_node_get_name (child));
    }
}

static void
check_servicing (UeCheck *check,
                 UeNode  *node)
{
  static const char * const actions[] = { "install", "configure", "remove", "stage", NULL };

  for (UeNode *child = ue_node_get_first_child (node); child; child = ue_node_get_next (child))
    {
      g_autofree char *action = NULL;

      if (ue_node_get_kind (child) != UE_NODE_KIND_PACKAGE)
        continue;
      action = ue_node_dup_attribute (child, "action");
      if (action == NULL)
        _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, child, NULL, _("package has no action attribute"));
      else if (!g_strv_contains (actions, action))
        _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, child, "action",
                          _("package action “%s” is not one of install, configure, remove, stage"), action);
      if (ue_answer_doc_find_child (check->doc, child, "assemblyIdentity") == NULL)
        _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, child, NULL,
                          _("package has no <assemblyIdentity>"));
    }
}

static void
check_document (UeCheck *check)
{
  UeNode *root = ue_answer_doc_get_root (check->doc);
  g_autoptr(GHashTable) passes_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *name;

  if (root == NULL)
    {
      _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, NULL, NULL, _("the document is empty"));
      return;
    }
  name = ue_node_get_name (root);
  if (strcmp (name, "settings") == 0)
    {
      _ue_check_report (check, UE_MESSAGE_SEVERITY_WARNING, root, NULL,
                        _("a bare <settings> fragment, not a whole answer file: Windows Setup wants it "
                          "inside <unattend xmlns=\"%s\">"), UE_UNATTEND_NS);
      check_pass (check, root, passes_seen);
      return;
    }
  if (strcmp (name, "unattend") != 0)
    {
      _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, root, NULL,
                        _("not an answer file: the root element is <%s>, not <unattend xmlns=\"%s\">"),
                        name, UE_UNATTEND_NS);
      return;
    }
  if (strcmp (ue_node_get_namespace (root), UE_UNATTEND_NS) != 0)
    _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, root, NULL,
                      _("the root element <unattend> is not in the namespace “%s” (its namespace is “%s”); "
                        "Windows Setup does not read it"), UE_UNATTEND_NS, ue_node_get_namespace (root));

  check_stray_text (check, root);
  for (UeNode *child = ue_node_get_first_child (root); child; child = ue_node_get_next (child))
    {
      switch (ue_node_get_kind (child))
        {
        case UE_NODE_KIND_PASS:
          check_pass (check, child, passes_seen);
          break;
        case UE_NODE_KIND_SERVICING:
          check_servicing (check, child);
          break;
        case UE_NODE_KIND_OFFLINE_IMAGE:
          break;
        default:
          _ue_check_report (check, UE_MESSAGE_SEVERITY_WARNING, child, NULL,
                            _("unexpected element <%s> in <unattend>; Windows Setup ignores it"),
                            ue_node_get_name (child));
        }
    }
}

static gint
compare_position (gconstpointer a,
                  gconstpointer b)
{
  UeMessage *ma = *(UeMessage **) a;
  UeMessage *mb = *(UeMessage **) b;

  if (ue_message_get_line (ma) != ue_message_get_line (mb))
    return ue_message_get_line (ma) < ue_message_get_line (mb) ? -1 : 1;
  if (ue_message_get_column (ma) != ue_message_get_column (mb))
    return ue_message_get_column (ma) < ue_message_get_column (mb) ? -1 : 1;
  return 0;
}

/* (transfer full) the messages in file order */
static GPtrArray *
collect_messages (UeAnswerDoc *doc,
                  UeCatalog   *catalog)
{
  UeCheck check = { 0 };

  check.doc = doc;
  check.catalog = catalog;
  check.file = ue_answer_doc_get_display_name (doc);
  check.found = g_ptr_array_new_with_free_func (g_object_unref);
  check_document (&check);
  /* g_ptr_array_sort is a merge sort in GLib (stable): findings on one line keep their order */
  g_ptr_array_sort (check.found, compare_position);
  return check.found;
}

/* ---- UeValidator ---- */

struct _UeValidator
{
  GObject     parent_instance;

  UeCatalog  *catalog;
  GListStore *messages;
  guint       n_errors;
  guint       n_warnings;
};

G_DEFINE_FINAL_TYPE (UeValidator, ue_validator, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CATALOG,
  PROP_MESSAGES,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ue_validator_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  UeValidator *self = UE_VALIDATOR (object);

  switch (prop_id)
    {
    case PROP_CATALOG: g_value_set_object (value, ue_validator_get_catalog (self)); break;
    case PROP_MESSAGES: g_value_set_object (value, ue_validator_get_messages (self)); break;
    case PROP_N_ERRORS: g_value_set_uint (value, ue_validator_get_n_errors (self)); break;
    case PROP_N_WARNINGS: g_value_set_uint (value, ue_validator_get_n_warnings (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ue_validator_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  UeValidator *self = UE_VALIDATOR (object);

  switch (prop_id)
    {
    case PROP_CATALOG: ue_validator_set_catalog (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ue_validator_dispose (GObject *object)
{
  UeValidator *self = UE_VALIDATOR (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->messages);
  G_OBJECT_CLASS (ue_validator_parent_class)->dispose (object);
}

static void
ue_validator_class_init (UeValidatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ue_validator_get_property;
  object_class->set_property = ue_validator_set_property;
  object_class->dispose = ue_validator_dispose;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, UE_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGES] =
    g_param_spec_object ("messages", NULL, NULL, G_TYPE_LIST_MODEL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ue_validator_init (UeValidator *self)
{
  self->messages = g_list_store_new (UE_TYPE_MESSAGE);
}

/**
 * ue_validator_new:
 * @catalog: (nullable): the catalog to check against; NULL for the embedded default
 *
 * Returns: (transfer full): a new validator
 */
UeValidator *
ue_validator_new (UeCatalog *catalog)
{
  UeValidator *self;

  g_return_val_if_fail (catalog == NULL || UE_IS_CATALOG (catalog), NULL);

  self = g_object_new (UE_TYPE_VALIDATOR, NULL);
  ue_validator_set_catalog (self, catalog);
  return self;
}

/**
 * ue_validator_get_catalog:
 *
 * Returns: (transfer none): the catalog settings are checked against
 */
UeCatalog *
ue_validator_get_catalog (UeValidator *self)
{
  g_return_val_if_fail (UE_IS_VALIDATOR (self), NULL);
  return self->catalog;
}

void
ue_validator_set_catalog (UeValidator *self,
                          UeCatalog   *catalog)
{
  g_autoptr(UeCatalog) chosen = NULL;

  g_return_if_fail (UE_IS_VALIDATOR (self));
  g_return_if_fail (catalog == NULL || UE_IS_CATALOG (catalog));

  chosen = catalog ? g_object_ref (catalog) : ue_catalog_get_default ();
  if (chosen == self->catalog)
    return;
  g_set_object (&self->catalog, chosen);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

/**
 * ue_validator_get_messages:
 *
 * Returns: (transfer none): the messages of the last run, a GListModel of UeMessage
 */
GListModel *
ue_validator_get_messages (UeValidator *self)
{
  g_return_val_if_fail (UE_IS_VALIDATOR (self), NULL);
  return G_LIST_MODEL (self->messages);
}

static void
set_counts (UeValidator *self,
            guint        n_errors,
            guint        n_warnings)
{
  if (self->n_errors != n_errors)
    {
      self->n_errors = n_errors;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
    }
  if (self->n_warnings != n_warnings)
    {
      self->n_warnings = n_warnings;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WARNINGS]);
    }
}

guint
ue_validator_run (UeValidator *self,
                  UeAnswerDoc *doc)
{
  g_autoptr(GPtrArray) found = NULL;
  guint n_errors = 0;

  g_return_val_if_fail (UE_IS_VALIDATOR (self), 0);
  g_return_val_if_fail (UE_IS_ANSWER_DOC (doc), 0);

  found = collect_messages (doc, self->catalog);
  for (guint i = 0; i < found->len; i++)
    if (ue_message_get_severity (found->pdata[i]) == UE_MESSAGE_SEVERITY_ERROR)
      n_errors++;
  g_list_store_splice (self->messages, 0, g_list_model_get_n_items (G_LIST_MODEL (self->messages)),
                       found->pdata, found->len);
  set_counts (self, n_errors, found->len - n_errors);
  return n_errors;
}

guint
ue_validator_get_n_errors (UeValidator *self)
{
  g_return_val_if_fail (UE_IS_VALIDATOR (self), 0);
  return self->n_errors;
}

guint
ue_validator_get_n_warnings (UeValidator *self)
{
  g_return_val_if_fail (UE_IS_VALIDATOR (self), 0);
  return self->n_warnings;
}

void
ue_validator_clear (UeValidator *self)
{
  g_return_if_fail (UE_IS_VALIDATOR (self));

  g_list_store_remove_all (self->messages);
  set_counts (self, 0, 0);
}

/**
 * ue_validate_document:
 * @doc: the document
 * @catalog: (nullable): the catalog; NULL for the embedded default
 *
 * Returns: (transfer full): a GListModel of UeMessage in file order
 */
GListModel *
ue_validate_document (UeAnswerDoc *doc,
                      UeCatalog   *catalog)
{
  g_autoptr(UeValidator) validator = NULL;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (doc), NULL);
  g_return_val_if_fail (catalog == NULL || UE_IS_CATALOG (catalog), NULL);

  validator = ue_validator_new (catalog);
  ue_validator_run (validator, doc);
  return g_object_ref (ue_validator_get_messages (validator));
}
