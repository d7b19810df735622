/* window-actions.c — the main window's actions (GActionEntry table) and answer-file edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each edit is one undo step: several document edits run inside begin_group/end_group.
 * The handlers only decide what to ask of the document; the views redraw from ::changed.
 */
#define G_LOG_DOMAIN "unattend-editor"

#include <glib/gi18n.h>
#include <string.h>

#include "core/answer-doc-package.h"
#include "gui-private.h"
#include "sync-command-dialog.h"
#include "window-private.h"

static void
set_enabled (UeWindow   *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* the catalog def of the selected node's setting (NULL when unknown or not a setting) */
static UeSettingDef *
selected_def (UeWindow *self,
              UeNode   *node)
{
  UeSettingDef *def = NULL;

  if (node != NULL && ue_node_get_kind (node) == UE_NODE_KIND_SETTING)
    _ue_catalog_lookup_node (self->catalog, node, &def);
  return def;
}

static gboolean
is_simple_setting (UeWindow *self,
                   UeNode   *node)
{
  UeSettingDef *def = selected_def (self, node);

  if (node == NULL || ue_node_get_kind (node) != UE_NODE_KIND_SETTING || ue_node_count_children (node) > 0)
    return FALSE;
  return def == NULL || def->kind == UE_SETTING_KIND_SIMPLE || def->value_type != UE_VALUE_TYPE_NONE;
}

/* where a new list item goes for the selection: the container, the item's name and key */
static gboolean
list_target (UeWindow    *self,
             UeNode      *node,
             UeNode     **container,
             const char **item_name,
             const char **key)
{
  UeSettingDef *def = selected_def (self, node);

  if (node == NULL || ue_node_get_kind (node) != UE_NODE_KIND_SETTING)
    return FALSE;
  if (ue_node_is_list_item (node) || (def != NULL && def->kind == UE_SETTING_KIND_LIST))
    {
      *container = ue_node_get_parent (node);
      *item_name = ue_node_get_name (node);
      *key = def != NULL ? def->key : ue_node_guess_key (node);
      return TRUE;
    }
  for (guint i = 0; def != NULL && i < def->children->len; i++)
    {
      UeSettingDef *child = g_ptr_array_index (def->children, i);

      if (child->kind == UE_SETTING_KIND_LIST && child->visible)
        {
          *container = node;
          *item_name = child->name;
          *key = child->key;
          return TRUE;
        }
    }
  return FALSE;
}

void
_ue_window_update_actions (UeWindow *self)
{
  UeNode *node = ue_answer_view_get_selected (self->answer_view);
  UeNodeKind kind = node != NULL ? ue_node_get_kind (node) : UE_NODE_KIND_OTHER;
  gboolean simple = is_simple_setting (self, node);
  UeNode *container;
  const char *item_name, *key;
  GAction *hide;

  set_enabled (self, "undo", self->doc != NULL && ue_answer_doc_can_undo (self->doc));
  set_enabled (self, "redo", self->doc != NULL && ue_answer_doc_can_redo (self->doc));
  set_enabled (self, "delete", node != NULL
                               && (kind == UE_NODE_KIND_SETTING || kind == UE_NODE_KIND_COMPONENT
                                   || kind == UE_NODE_KIND_PASS || kind == UE_NODE_KIND_PACKAGE));
  set_enabled (self, "revert-change", simple);
  set_enabled (self, "write-empty-string", simple);
  set_enabled (self, "add-list-item", list_target (self, node, &container, &item_name, &key));
  set_enabled (self, "copy-command", self->sysprep_command != NULL);
  set_enabled (self, "cancel-catalog", self->build_cancellable != NULL);

  hide = g_action_map_lookup_action (G_ACTION_MAP (self), "hide-sensitive-data");
  if (hide != NULL && self->doc != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (hide),
                               g_variant_new_boolean (ue_answer_doc_get_hide_sensitive_data (self->doc)));
}

static void
undo_cb (GSimpleAction *action,
         GVariant      *param,
         gpointer       user_data)
{
  ue_answer_doc_undo (UE_WINDOW (user_data)->doc);
}

static void
redo_cb (GSimpleAction *action,
         GVariant      *param,
         gpointer       user_data)
{
  ue_answer_doc_redo (UE_WINDOW (user_data)->doc);
}

static void
find_cb (GSimpleAction *action,
         GVariant      *param,
         gpointer       user_data)
{
  ue_catalog_view_focus_search (UE_WINDOW (user_data)->catalog_view);
}

static UeSettingDef *
find_def (GPtrArray  *defs,
          const char *name)
{
  for (guint i = 0; defs != NULL && i < defs->len; i++)
    {
      UeSettingDef *def = g_ptr_array_index (defs, i);

      if (strcmp (def->name, name) == 0)
        return def;
    }
  return NULL;
}

/* the component in the pass (reused when the pass has it), then the setting's elements;
 * a list named last gets a new item, a list met on the way reuses its first item */
static UeNode *
add_setting (UeWindow   *self,
             guint       pass,
             const char *name,
             const char *arch,
             const char *path)
{
  UeComponentDef *component = ue_catalog_find_component (self->catalog, name, arch);
  g_auto(GStrv) segments = NULL;
  GPtrArray *defs = component != NULL ? component->settings : NULL;
  UeNode *node;

  node = ue_answer_doc_ensure_component (self->doc, ue_pass_name (pass), name, arch);
  if (*path == '\0')
    return node;
  segments = g_strsplit (path, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      UeSettingDef *def = find_def (defs, segments[i]);
      UeNode *existing = ue_answer_doc_find_child (self->doc, node, segments[i]);

      if (def != NULL && def->kind == UE_SETTING_KIND_LIST && (segments[i + 1] == NULL || existing == NULL))
        node = ue_answer_doc_add_list_item (self->doc, node, segments[i], def->key, NULL);
      else
        node = ue_answer_doc_ensure_child (self->doc, node, segments[i]);
      defs = def != NULL ? def->children : NULL;
    }
  return node;
}

static void
add_setting_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  UeWindow *self = UE_WINDOW (user_data);
  const char *name, *arch, *path;
  guint pass;
  UeNode *node;

  g_variant_get (param, "(u&s&s&s)", &pass, &name, &arch, &path);
  if (pass < 1 || pass > UE_N_PASSES)
    return;
  ue_answer_doc_begin_group (self->doc, _("Add Setting"));
  node = add_setting (self, pass, name, arch, path);
  ue_answer_doc_end_group (self->doc);
  ue_answer_view_select_node (self->answer_view, node);
}

/* the target is the identity "(name, version, arch, publicKeyToken, language)" */
static void
add_package_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  UeWindow *self = UE_WINDOW (user_data);
  const char *name, *version, *arch, *token, *language;
  g_autoptr(UePackageDef) def = NULL;
  UeNode *node;

  g_variant_get (param, "(&s&s&s&s&s)", &name, &version, &arch, &token, &language);
  if (*name == '\0')
    return;
  def = ue_package_def_new (name);
  def->version = *version ? g_strdup (version) : NULL;
  def->arch = *arch ? g_strdup (arch) : NULL;
  def->public_key_token = *token ? g_strdup (token) : NULL;
  def->language = *language ? g_strdup (language) : NULL;
  node = ue_answer_doc_add_package (self->doc, def, NULL);
  if (node != NULL)
    ue_answer_view_select_node (self->answer_view, node);
  else
    _ue_window_show_error (self, _("The package cannot be added"),
                           _("This file is a bare <settings> fragment, which has no place for packages."));
}

static void
delete_cb (GSimpleAction *action,
           GVariant      *param,
           gpointer       user_data)
{
  UeWindow *self = UE_WINDOW (user_data);
  UeNode *node = ue_answer_view_get_selected (self->answer_view);

  if (node != NULL)
    ue_answer_doc_remove (self->doc, node);
}

static void
write_empty_string_cb (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  UeWindow *self = UE_WINDOW (user_data);
  UeNode *node = ue_answer_view_get_selected (self->answer_view);

  if (is_simple_setting (self, node))
    ue_answer_doc_set_text (self->doc, node, "");
}

static void
add_list_item_cb (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  UeWindow *self = UE_WINDOW (user_data);
  UeNode *container, *item;
  const char *item_name, *key;

  if (!list_target (self, ue_answer_view_get_selected (self->answer_view), &container, &item_name, &key))
    return;
  item = ue_answer_doc_add_list_item (self->doc, container, item_name, key, NULL);
  ue_answer_view_select_node (self->answer_view, item);
}

/* where a synchronous command goes in each pass that runs them */
static const struct
{
  const char *pass;
  const char *component;
  const char *container;
  const char *item;
  const char *command;
} command_places[] = {
  { "windowsPE", "Microsoft-Windows-Setup", "RunSynchronous", "RunSynchronousCommand", "Path" },
  { "specialize", "Microsoft-Windows-Deployment", "RunSynchronous", "RunSynchronousCommand", "Path" },
  { "auditUser", "Microsoft-Windows-Deployment", "RunSynchronous", "RunSynchronousCommand", "Path" },
  { "oobeSystem", "Microsoft-Windows-Shell-Setup", "FirstLogonCommands", "SynchronousCommand", "CommandLine" },
};

/* the architecture the file already uses, else the catalog's, else amd64 */
static char *
dup_document_arch (UeWindow   *self,
                   const char *component)
{
  g_autoptr(GPtrArray) passes = ue_answer_doc_get_passes (self->doc);
  UeComponentDef *def;

  for (guint i = 0; i < passes->len; i++)
    {
      UeNode *first = ue_node_get_first_child (g_ptr_array_index (passes, i));

      if (first != NULL && ue_node_get_kind (first) == UE_NODE_KIND_COMPONENT)
        return ue_node_dup_attribute (first, "processorArchitecture");
    }
  def = ue_catalog_find_component (self->catalog, component, NULL);
  return g_strdup (def != NULL ? def->arch : "amd64");
}

static void
insert_command (UeWindow   *self,
                const char *pass,
                const char *command)
{
  for (guint i = 0; i < G_N_ELEMENTS (command_places); i++)
    if (strcmp (command_places[i].pass, pass) == 0)
      {
        g_autofree char *arch = dup_document_arch (self, command_places[i].component);
        UeNode *pass_node = ue_answer_doc_find_pass (self->doc, pass);
        UeNode *existing = pass_node != NULL ? ue_answer_doc_find_component (self->doc, pass_node,
                                                                              command_places[i].component, NULL)
                                             : NULL;
        g_autofree char *existing_arch = existing != NULL ? ue_node_dup_attribute (existing, "processorArchitecture") : NULL;
        UeNode *node;

        ue_answer_doc_begin_group (self->doc, _("Insert Synchronous Command"));
        node = ue_answer_doc_ensure_component (self->doc, pass, command_places[i].component,
                                               existing_arch != NULL ? existing_arch : arch);
        node = ue_answer_doc_ensure_child (self->doc, node, command_places[i].container);
        node = ue_answer_doc_add_list_item (self->doc, node, command_places[i].item, "Order", NULL);
        ue_answer_doc_set_text (self->doc, ue_answer_doc_ensure_child (self->doc, node, command_places[i].command),
                                command);
        ue_answer_doc_end_group (self->doc);
        ue_answer_view_select_node (self->answer_view, node);
        return;
      }
}

static void
sync_command_response_cb (GtkDialog *dialog,
                          int        response,
                          UeWindow  *self)
{
  UeSyncCommandDialog *command_dialog = UE_SYNC_COMMAND_DIALOG (dialog);

  if (response == GTK_RESPONSE_OK && *ue_sync_command_dialog_get_command (command_dialog) != '\0')
    insert_command (self, ue_sync_command_dialog_get_pass (command_dialog),
                    ue_sync_command_dialog_get_command (command_dialog));
  gtk_widget_destroy (GTK_WIDGET (dialog));
}

static void
insert_synchronous_command_cb (GSimpleAction *action,
                               GVariant      *param,
                               gpointer       user_data)
{
  UeWindow *self = UE_WINDOW (user_data);
  guint pass = ue_answer_view_get_selected_pass (self->answer_view);
  UeSyncCommandDialog *dialog = ue_sync_command_dialog_new (GTK_WINDOW (self),
                                                            pass != 0 ? ue_pass_name (pass) : NULL);

  g_signal_connect_object (dialog, "response", G_CALLBACK (sync_command_response_cb), self, 0);
  gtk_widget_show (GTK_WIDGET (dialog));
}

static void
hide_sensitive_data_cb (GSimpleAction *action,
                        GVariant      *value,
                        gpointer       user_data)
{
  UeWindow *self = UE_WINDOW (user_data);
  gboolean hide = g_variant_get_boolean (value);

  ue_answer_doc_set_hide_sensitive_data (self->doc, hide);
  if (hide)
    ue_answer_doc_hide_passwords (self->doc);
  g_simple_action_set_state (action, value);
}

static void
validate_cb (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  UeWindow *self = UE_WINDOW (user_data);

  _ue_window_validate (self);
  ue_messages_pane_show_validation (self->messages_pane);
}

static const GActionEntry win_entries[] = {
  { "new", _ue_window_new_cb },
  { "open", _ue_window_open_cb },
  { "save", _ue_window_save_cb },
  { "save-as", _ue_window_save_as_cb },
  { "copy-command", _ue_window_copy_command_cb },
  { "undo", undo_cb },
  { "redo", redo_cb },
  { "find", find_cb },
  { "validate", validate_cb },
  { "add-setting", add_setting_cb, "(usss)" },
  { "add-package", add_package_cb, "(sssss)" },
  { "delete", delete_cb },
  /* WSIM's Revert Change: the setting is no longer written, Windows uses its default */
  { "revert-change", delete_cb },
  { "write-empty-string", write_empty_string_cb },
  { "add-list-item", add_list_item_cb },
  { "insert-synchronous-command", insert_synchronous_command_cb },
  { "hide-sensitive-data", NULL, NULL, "false", hide_sensitive_data_cb },
  { "open-image", _ue_window_open_image_cb },
  { "select-catalog", _ue_window_select_catalog_cb },
  { "cancel-catalog", _ue_window_cancel_catalog_cb },
  { "load-offline-image", _ue_window_load_offline_image_cb },
  { "quick-setup", _ue_window_quick_setup_cb },
  { "new-from-template", _ue_window_new_from_template_cb },
  { "open-as-template", _ue_window_open_as_template_cb },
  { "merge", _ue_window_merge_cb },
};

void
_ue_window_add_actions (UeWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries), self);
}
