/* answer-doc-package.c — servicing packages in an answer file: add, action, feature selections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built on the document's public edits only (ensure/append element, set/remove
 * attribute, remove), so undo, redo and the byte-faithful writer hold as for settings.
 */
#define G_LOG_DOMAIN "ue-core"

#include <glib/gi18n.h>
#include <string.h>

#include "answer-doc-package.h"

static const char * const actions[] = {
  UE_PACKAGE_ACTION_INSTALL,
  UE_PACKAGE_ACTION_CONFIGURE,
  UE_PACKAGE_ACTION_REMOVE,
  UE_PACKAGE_ACTION_STAGE,
  NULL,
};

/* identity attributes in the order WSIM writes them */
static const char * const identity_attributes[] = {
  "name", "version", "processorArchitecture", "publicKeyToken", "language",
};

const char * const *
ue_package_actions (void)
{
  return actions;
}

gboolean
ue_package_action_is_valid (const char *action)
{
  return action != NULL && g_strv_contains (actions, action);
}

static gboolean
is_element (UeNode     *node,
            const char *name)
{
  return strcmp (ue_node_get_name (node), name) == 0;
}

static UeNode *
find_identity (UeNode *package)
{
  for (UeNode *c = ue_node_get_first_child (package); c != NULL; c = ue_node_get_next (c))
    if (is_element (c, "assemblyIdentity"))
      return c;
  return NULL;
}

static const char *
def_attribute (const UePackageDef *def,
               guint               i)
{
  const char *values[] = { def->name, def->version, def->arch, def->public_key_token, def->language };

  g_assert (i < G_N_ELEMENTS (values));
  return values[i];
}

/* a missing attribute is an empty one (language="" is real, for Foundation packages);
 * Windows compares assembly identities case-insensitively */
static gboolean
same_text (const char *a,
           const char *b)
{
  return g_ascii_strcasecmp (a ? a : "", b ? b : "") == 0;
}

UePackageDef *
ue_package_node_dup_identity (UeNode *package)
{
  UeNode *identity;
  g_autofree char *name = NULL;
  UePackageDef *def;

  g_return_val_if_fail (package != NULL, NULL);

  identity = find_identity (package);
  if (identity == NULL)
    return NULL;
  name = ue_node_dup_attribute (identity, "name");
  def = ue_package_def_new (name ? name : "");
  def->version = ue_node_dup_attribute (identity, "version");
  def->arch = ue_node_dup_attribute (identity, "processorArchitecture");
  def->public_key_token = ue_node_dup_attribute (identity, "publicKeyToken");
  def->language = ue_node_dup_attribute (identity, "language");
  return def;
}

char *
ue_package_node_dup_action (UeNode *package)
{
  g_return_val_if_fail (package != NULL, NULL);
  return ue_node_dup_attribute (package, "action");
}

GPtrArray *
ue_package_node_get_selections (UeNode *package)
{
  GPtrArray *selections;

  g_return_val_if_fail (package != NULL, NULL);

  selections = g_ptr_array_new ();
  for (UeNode *c = ue_node_get_first_child (package); c != NULL; c = ue_node_get_next (c))
    if (is_element (c, "selection"))
      g_ptr_array_add (selections, c);
  return selections;
}

UeNode *
ue_package_node_find_selection (UeNode     *package,
                                const char *feature)
{
  g_return_val_if_fail (package != NULL, NULL);
  g_return_val_if_fail (feature != NULL, NULL);

  for (UeNode *c = ue_node_get_first_child (package); c != NULL; c = ue_node_get_next (c))
    {
      g_autofree char *name = NULL;

      if (!is_element (c, "selection"))
        continue;
      /* DISM takes feature names in any case since Windows 8 */
      name = ue_node_dup_attribute (c, "name");
      if (name != NULL && g_ascii_strcasecmp (name, feature) == 0)
        return c;
    }
  return NULL;
}

UeFeatureState
ue_package_node_get_feature_state (UeNode     *package,
                                   const char *feature)
{
  UeNode *selection;
  g_autofree char *state = NULL;

  g_return_val_if_fail (package != NULL, UE_FEATURE_STATE_NOT_SET);
  g_return_val_if_fail (feature != NULL, UE_FEATURE_STATE_NOT_SET);

  selection = ue_package_node_find_selection (package, feature);
  if (selection == NULL)
    return UE_FEATURE_STATE_NOT_SET;
  state = ue_node_dup_attribute (selection, "state");
  /* as for boolean settings, Windows reads "True" too */
  if (state != NULL && g_ascii_strcasecmp (state, "true") == 0)
    return UE_FEATURE_STATE_ENABLED;
  if (state != NULL && g_ascii_strcasecmp (state, "false") == 0)
    return UE_FEATURE_STATE_DISABLED;
  return UE_FEATURE_STATE_INVALID;
}

UePackageDef *
ue_package_node_find_def (UeNode    *package,
                          UeCatalog *catalog)
{
  g_autoptr(UePackageDef) identity = NULL;
  GPtrArray *defs;
  UePackageDef *best = NULL;
  guint best_score = 0;

  g_return_val_if_fail (package != NULL, NULL);
  g_return_val_if_fail (catalog == NULL || UE_IS_CATALOG (catalog), NULL);

  if (catalog == NULL || (identity = ue_package_node_dup_identity (package)) == NULL)
    return NULL;
  defs = ue_catalog_get_packages (catalog);
  for (guint i = 0; i < defs->len; i++)
    {
      UePackageDef *def = g_ptr_array_index (defs, i);
      guint score;

      if (!same_text (def->name, identity->name) || !same_text (def->arch, identity->arch))
        continue;
      /* another build or language of the package still names its features */
      score = 1 + (same_text (def->version, identity->version) ? 2 : 0)
                + (same_text (def->language, identity->language) ? 1 : 0);
      if (score > best_score)
        {
          best = def;
          best_score = score;
        }
    }
  return best;
}

static UeNode *
find_servicing (UeAnswerDoc *self)
{
  UeNode *root = ue_answer_doc_get_root (self);

  for (UeNode *c = root ? ue_node_get_first_child (root) : NULL; c != NULL; c = ue_node_get_next (c))
    if (ue_node_get_kind (c) == UE_NODE_KIND_SERVICING)
      return c;
  return NULL;
}

static gboolean
has_identity (UeNode             *package,
              const UePackageDef *def)
{
  UeNode *identity = find_identity (package);

  if (identity == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (identity_attributes); i++)
    {
      g_autofree char *value = ue_node_dup_attribute (identity, identity_attributes[i]);

      if (!same_text (value, def_attribute (def, i)))
        return FALSE;
    }
  return TRUE;
}

UeNode *
ue_answer_doc_find_package (UeAnswerDoc        *self,
                            const UePackageDef *def)
{
  UeNode *servicing;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);
  g_return_val_if_fail (def != NULL, NULL);

  servicing = find_servicing (self);
  for (UeNode *c = servicing ? ue_node_get_first_child (servicing) : NULL; c != NULL; c = ue_node_get_next (c))
    if (ue_node_get_kind (c) == UE_NODE_KIND_PACKAGE && has_identity (c, def))
      return c;
  return NULL;
}

UeNode *
ue_answer_doc_add_package (UeAnswerDoc        *self,
                           const UePackageDef *def,
                           const char         *action)
{
  UeNode *package, *servicing, *identity;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);
  g_return_val_if_fail (def != NULL && def->name != NULL, NULL);
  g_return_val_if_fail (action == NULL || ue_package_action_is_valid (action), NULL);

  package = ue_answer_doc_find_package (self, def);
  if (package != NULL)
    return package;

  ue_answer_doc_begin_group (self, _("Add Package"));
  servicing = ue_answer_doc_ensure_servicing (self);
  if (servicing != NULL)
    {
      package = ue_answer_doc_append_element (self, servicing, "package");
      ue_answer_doc_set_attribute (self, package, "action", action ? action : UE_PACKAGE_ACTION_CONFIGURE);
      identity = ue_answer_doc_append_element (self, package, "assemblyIdentity");
      for (guint i = 0; i < G_N_ELEMENTS (identity_attributes); i++)
        {
          const char *value = def_attribute (def, i);

          /* the identity is whole even where the catalog lacks a part: Windows matches all five */
          if (value == NULL)
            value = i == 3 ? UE_PUBLIC_KEY_TOKEN : i == 4 ? "neutral" : "";
          ue_answer_doc_set_attribute (self, identity, identity_attributes[i], value);
        }
    }
  ue_answer_doc_end_group (self);
  return package;
}

void
ue_answer_doc_set_package_action (UeAnswerDoc *self,
                                  UeNode      *package,
                                  const char  *action)
{
  g_return_if_fail (UE_IS_ANSWER_DOC (self));
  g_return_if_fail (package != NULL && ue_node_get_kind (package) == UE_NODE_KIND_PACKAGE);
  g_return_if_fail (ue_package_action_is_valid (action));

  ue_answer_doc_begin_group (self, _("Set Package Action"));
  ue_answer_doc_set_attribute (self, package, "action", action);
  ue_answer_doc_end_group (self);
}

void
ue_answer_doc_set_feature_state (UeAnswerDoc    *self,
                                 UeNode         *package,
                                 const char     *feature,
                                 UeFeatureState  state)
{
  UeNode *selection;

  g_return_if_fail (UE_IS_ANSWER_DOC (self));
  g_return_if_fail (package != NULL && ue_node_get_kind (package) == UE_NODE_KIND_PACKAGE);
  g_return_if_fail (feature != NULL && *feature != '\0');
  g_return_if_fail (state != UE_FEATURE_STATE_INVALID);

  selection = ue_package_node_find_selection (package, feature);
  if (state == UE_FEATURE_STATE_NOT_SET)
    {
      if (selection != NULL)
        {
          ue_answer_doc_begin_group (self, _("Clear Feature Selection"));
          ue_answer_doc_remove (self, selection);
          ue_answer_doc_end_group (self);
        }
      return;
    }
  ue_answer_doc_begin_group (self, state == UE_FEATURE_STATE_ENABLED ? _("Enable Feature") : _("Disable Feature"));
  if (selection == NULL)
    {
      selection = ue_answer_doc_append_element (self, package, "selection");
      ue_answer_doc_set_attribute (self, selection, "name", feature);
    }
  ue_answer_doc_set_attribute (self, selection, "state", state == UE_FEATURE_STATE_ENABLED ? "true" : "false");
  ue_answer_doc_end_group (self);
}
