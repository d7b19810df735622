/* validator-document.c — the walk over the document: root, passes, components
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Root, passes, servicing, component identity, and the catalog-independent checks
 * below a component (hidden passwords, unrendered template placeholders, text between
 * elements). validator-settings.c checks each setting against the catalog.
 */
#define G_LOG_DOMAIN "ue-core"

#include <glib/gi18n.h>
#include <string.h>

#include "answer-doc-package.h"
#include "secret.h"
#include "validator-private.h"

static const char * const known_archs[] = { "x86", "amd64", "wow64", "arm64", "ia64", "arm", NULL };

/* ---- reporting ---- */

void
_ue_check_report_at (UeCheck           *check,
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
  _ue_check_report_at (check, severity, node, line, column, text);
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

/* Text between elements: a placeholder line is reported each; any other text (often
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
      /* a warning: real templates carry such text (a product key before <WillShowUI>)
       * and install anyway */
      _ue_check_report_at (check, UE_MESSAGE_SEVERITY_WARNING, node, line, column, text);
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

static const char *
component_name (gconstpointer item)
{
  return ((const UeComponentDef *) item)->name;
}

/* the same unknown name comes back in every pass: the catalog is searched once */
static const char *
suggest_component (UeCheck    *check,
                   const char *name)
{
  gpointer suggestion;

  if (!g_hash_table_lookup_extended (check->suggestions, name, NULL, &suggestion))
    {
      suggestion = (gpointer) _ue_closest_name (name, ue_catalog_get_components (check->catalog),
                                                component_name);
      g_hash_table_insert (check->suggestions, g_strdup (name), suggestion);
    }
  return suggestion;
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
        {
          const char *suggestion = suggest_component (check, name);
          if (suggestion != NULL)
            _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, component, "name",
                              _("unknown component “%s”; did you mean “%s”?"), name, suggestion);
          else
            _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, component, "name",
                              _("unknown component “%s”"), name);
        }
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

static const char *
feature_name (gconstpointer item)
{
  return item;
}

/* each <selection>: a state Windows reads, a feature the catalog's package has */
static void
check_selections (UeCheck *check,
                  UeNode  *package)
{
  /* a package the catalog does not hold (an update from a share) names no features here */
  UePackageDef *def = ue_package_node_find_def (package, check->catalog);
  g_autoptr(GPtrArray) selections = ue_package_node_get_selections (package);
  g_autoptr(GPtrArray) features = g_ptr_array_new ();

  for (guint i = 0; def != NULL && def->features[i] != NULL; i++)
    g_ptr_array_add (features, def->features[i]);
  for (guint i = 0; i < selections->len; i++)
    {
      UeNode *selection = g_ptr_array_index (selections, i);
      g_autofree char *name = ue_node_dup_attribute (selection, "name");
      g_autofree char *state = ue_node_dup_attribute (selection, "state");
      gboolean known = FALSE;

      if (name == NULL || *name == '\0')
        _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, selection, NULL,
                          _("feature selection has no name attribute"));
      if (state == NULL)
        _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, selection, NULL,
                          _("feature selection “%s” has no state attribute"), name ? name : "");
      /* as for boolean settings, Windows reads "True" too */
      else if (g_ascii_strcasecmp (state, "true") != 0 && g_ascii_strcasecmp (state, "false") != 0)
        _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, selection, "state",
                          _("feature state “%s” is neither true nor false"), state);
      if (def == NULL || name == NULL || *name == '\0')
        continue;
      for (guint j = 0; j < features->len && !known; j++)
        known = g_ascii_strcasecmp (features->pdata[j], name) == 0;
      if (!known)
        {
          const char *suggestion = _ue_closest_name (name, features, feature_name);

          if (suggestion != NULL)
            _ue_check_report (check, UE_MESSAGE_SEVERITY_WARNING, selection, "name",
                              _("package %s has no feature “%s”; did you mean “%s”?"),
                              def->name, name, suggestion);
          else
            _ue_check_report (check, UE_MESSAGE_SEVERITY_WARNING, selection, "name",
                              _("package %s has no feature “%s”"), def->name, name);
        }
    }
}

static void
check_servicing (UeCheck *check,
                 UeNode  *node)
{
  for (UeNode *child = ue_node_get_first_child (node); child; child = ue_node_get_next (child))
    {
      g_autofree char *action = NULL;

      if (ue_node_get_kind (child) != UE_NODE_KIND_PACKAGE)
        continue;
      action = ue_node_dup_attribute (child, "action");
      if (action == NULL)
        _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, child, NULL, _("package has no action attribute"));
      else if (!ue_package_action_is_valid (action))
        _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, child, "action",
                          _("package action “%s” is not one of install, configure, remove, stage"), action);
      if (ue_answer_doc_find_child (check->doc, child, "assemblyIdentity") == NULL)
        _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, child, NULL,
                          _("package has no <assemblyIdentity>"));
      check_selections (check, child);
    }
}

void
_ue_check_document (UeCheck *check)
{
  UeNode *root = ue_answer_doc_get_root (check->doc);
  g_autoptr(GHashTable) passes_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *name;

  if (root == NULL)
    {
      _ue_check_report (check, UE_MESSAGE_SEVERITY_ERROR, NULL, NULL, _("the document is empty"));
      return;
    }
  if (ue_answer_doc_get_had_bom (check->doc))
    _ue_check_report_at (check, UE_MESSAGE_SEVERITY_WARNING, root, 1, 1,
                         _("the file starts with a UTF-8 byte-order mark, which some Windows Setup releases "
                           "reject; saving the file removes it"));
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
          /* elements of another namespace are extensions (generators keep scripts there) */
          if (strcmp (ue_node_get_namespace (child), ue_node_get_namespace (root)) == 0)
            _ue_check_report (check, UE_MESSAGE_SEVERITY_WARNING, child, NULL,
                              _("unexpected element <%s> in <unattend>; Windows Setup ignores it"),
                              ue_node_get_name (child));
        }
    }
}
