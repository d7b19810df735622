/* window.c — the main window: WSIM's panes around one answer document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window owns the document and the catalog and wires the panes together. It is the
 * one listener of the document's ::changed: it asks each pane to redraw in a fixed order
 * (XML first, so the tree's selection can mark fresh lines). Actions live in
 * window-actions.c, file handling in window-file.c.
 */
#define G_LOG_DOMAIN "unattend-editor"

#include <glib/gi18n.h>

#include "gui-private.h"
#include "window-private.h"

G_DEFINE_FINAL_TYPE (UeWindow, ue_window, GTK_TYPE_APPLICATION_WINDOW)

void
_ue_window_update_title (UeWindow *self)
{
  const char *path = self->doc != NULL ? ue_answer_doc_get_path (self->doc) : NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *title = NULL;

  if (path != NULL)
    {
      name = g_path_get_basename (path);
      dir = g_path_get_dirname (path);
    }
  else if (self->recovered_path != NULL)
    {
      name = g_path_get_basename (self->recovered_path);
      dir = g_strdup (_("Recovered, not saved yet"));
    }
  else
    name = g_strdup (_("Untitled"));
  /* the modified mark GNOME editors use */
  title = g_strdup_printf ("%s%s", self->doc != NULL && ue_answer_doc_get_modified (self->doc) ? "*" : "", name);
  gtk_header_bar_set_title (self->header_bar, title);
  gtk_header_bar_set_subtitle (self->header_bar, dir);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

void
_ue_window_validate (UeWindow *self)
{
  g_clear_handle_id (&self->validate_id, g_source_remove);
  ue_validator_set_catalog (self->validator, self->catalog);
  ue_validator_run (self->validator, self->doc);
  ue_messages_pane_set_messages (self->messages_pane, ue_validator_get_messages (self->validator));
}

static gboolean
validate_timeout_cb (gpointer user_data)
{
  UeWindow *self = user_data;

  self->validate_id = 0;
  _ue_window_validate (self);
  return G_SOURCE_REMOVE;
}

/* live validation waits for a pause in the edits */
static void
schedule_validation (UeWindow *self)
{
  g_clear_handle_id (&self->validate_id, g_source_remove);
  self->validate_id = g_timeout_add (300, validate_timeout_cb, self);
}

static void
doc_changed_cb (UeAnswerDoc *doc,
                UeNode      *node,
                UeWindow    *self)
{
  ue_messages_pane_refresh (self->messages_pane);
  ue_answer_view_refresh (self->answer_view);
  _ue_window_update_title (self);
  _ue_window_update_actions (self);
  _ue_window_autosave_update (self);
  schedule_validation (self);
}

static void
doc_notify_cb (UeAnswerDoc *doc,
               GParamSpec  *pspec,
               UeWindow    *self)
{
  _ue_window_update_title (self);
  _ue_window_update_actions (self);
  _ue_window_autosave_update (self);
}

void
_ue_window_set_document (UeWindow    *self,
                         UeAnswerDoc *doc)
{
  g_assert (UE_IS_ANSWER_DOC (doc));

  if (self->doc != NULL)
    g_signal_handlers_disconnect_by_data (self->doc, self);
  /* the old document was saved or its changes discarded */
  _ue_window_autosave_forget (self);
  g_clear_pointer (&self->recovered_path, g_free);
  g_set_object (&self->doc, doc);
  g_signal_connect_object (doc, "changed", G_CALLBACK (doc_changed_cb), self, 0);
  g_signal_connect_object (doc, "notify::modified", G_CALLBACK (doc_notify_cb), self, 0);
  g_signal_connect_object (doc, "notify::can-undo", G_CALLBACK (doc_notify_cb), self, 0);
  g_signal_connect_object (doc, "notify::can-redo", G_CALLBACK (doc_notify_cb), self, 0);
  g_signal_connect_object (doc, "notify::hide-sensitive-data", G_CALLBACK (doc_notify_cb), self, 0);

  gtk_revealer_set_reveal_child (self->status_revealer, FALSE);
  gtk_widget_hide (GTK_WIDGET (self->offline_bar));
  ue_property_pane_set_context (self->property_pane, doc, self->catalog);
  ue_messages_pane_set_document (self->messages_pane, doc);
  ue_answer_view_set_document (self->answer_view, doc);
  _ue_window_update_title (self);
  _ue_window_update_actions (self);
  _ue_window_validate (self);
}

void
_ue_window_set_catalog (UeWindow  *self,
                        UeCatalog *catalog)
{
  g_assert (UE_IS_CATALOG (catalog));

  g_set_object (&self->catalog, catalog);
  ue_catalog_view_set_catalog (self->catalog_view, catalog);
  ue_property_pane_set_context (self->property_pane, self->doc, catalog);
  ue_property_pane_show_node (self->property_pane, ue_answer_view_get_selected (self->answer_view));
  if (self->doc != NULL)
    schedule_validation (self);
}

void
_ue_window_show_error (UeWindow   *self,
                       const char *primary,
                       const char *secondary)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);

  if (secondary != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_widget_destroy), NULL);
  gtk_widget_show (dialog);
}

static void
answer_selection_changed_cb (UeWindow *self)
{
  UeNode *node = ue_answer_view_get_selected (self->answer_view);

  ue_property_pane_show_node (self->property_pane, node);
  ue_messages_pane_highlight_node (self->messages_pane, node);
  _ue_window_update_actions (self);
}

static void
catalog_selection_changed_cb (UeWindow *self)
{
  UeComponentDef *component;
  UeSettingDef *setting;
  UePackageDef *package;

  if (ue_catalog_view_get_selected (self->catalog_view, &component, &setting))
    ue_property_pane_show_def (self->property_pane, component, setting);
  else if ((package = ue_catalog_view_get_selected_package (self->catalog_view)) != NULL)
    ue_property_pane_show_package_def (self->property_pane, package);
}

static void
node_activated_cb (UeWindow *self,
                   UeNode   *node)
{
  /* nodes the tree does not show (the root, cpi:offlineImage) select their nearest shown parent */
  for (; node != NULL; node = ue_node_get_parent (node))
    if (ue_answer_view_select_node (self->answer_view, node))
      break;
}

static gboolean
delete_event_cb (GtkWidget *widget,
                 GdkEvent  *event)
{
  UeWindow *self = UE_WINDOW (widget);

  if (self->doc == NULL || !ue_answer_doc_get_modified (self->doc))
    return GDK_EVENT_PROPAGATE;
  _ue_window_confirm_discard (self, (UeWindowContinuation) gtk_widget_destroy, NULL, NULL);
  return GDK_EVENT_STOP;
}

static void
open_dropped (UeWindow *self,
              gpointer  data)
{
  _ue_window_load_file (self, data);
}

static void
drag_data_received_cb (GtkWidget        *widget,
                       GdkDragContext   *context,
                       int               x,
                       int               y,
                       GtkSelectionData *data,
                       guint             info,
                       guint             time)
{
  UeWindow *self = UE_WINDOW (widget);
  g_auto(GStrv) uris = gtk_selection_data_get_uris (data);

  if (uris == NULL || uris[0] == NULL)
    {
      gtk_drag_finish (context, FALSE, FALSE, time);
      return;
    }
  gtk_drag_finish (context, TRUE, FALSE, time);
  _ue_window_confirm_discard (self, open_dropped, g_file_new_for_uri (uris[0]), g_object_unref);
}

static void
offline_bar_response_cb (GtkInfoBar *bar,
                         int         response,
                         UeWindow   *self)
{
  gtk_widget_hide (GTK_WIDGET (bar));
  if (response == GTK_RESPONSE_ACCEPT && self->offline_source != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (self), "load-offline-image", NULL);
}

static void
ue_window_dispose (GObject *object)
{
  UeWindow *self = UE_WINDOW (object);

  _ue_window_save_state (self);
  if (self->doc != NULL)
    g_signal_handlers_disconnect_by_data (self->doc, self);
  if (self->build_cancellable != NULL)
    g_cancellable_cancel (self->build_cancellable);
  g_clear_object (&self->build_cancellable);
  g_clear_handle_id (&self->validate_id, g_source_remove);
  /* the window closes only after the user saved or discarded the changes */
  _ue_window_autosave_forget (self);
  g_clear_pointer (&self->recovery_entries, g_ptr_array_unref);
  g_clear_object (&self->validator);
  g_clear_object (&self->doc);
  g_clear_object (&self->catalog);
  G_OBJECT_CLASS (ue_window_parent_class)->dispose (object);
}

static void
ue_window_finalize (GObject *object)
{
  UeWindow *self = UE_WINDOW (object);

  g_free (self->offline_source);
  g_free (self->sysprep_command);
  g_free (self->recovered_path);
  G_OBJECT_CLASS (ue_window_parent_class)->finalize (object);
}

static void
ue_window_class_init (UeWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ue_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = ue_window_finalize;

  g_type_ensure (UE_TYPE_CATALOG_VIEW);
  g_type_ensure (UE_TYPE_ANSWER_VIEW);
  g_type_ensure (UE_TYPE_PROPERTY_PANE);
  g_type_ensure (UE_TYPE_MESSAGES_PANE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/unattendeditor/UnattendEditor/window.ui");
  gtk_widget_class_bind_template_child (widget_class, UeWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, UeWindow, recent_button);
  gtk_widget_class_bind_template_child (widget_class, UeWindow, recovery_bar);
  gtk_widget_class_bind_template_child (widget_class, UeWindow, recovery_label);
  gtk_widget_class_bind_template_child (widget_class, UeWindow, offline_bar);
  gtk_widget_class_bind_template_child (widget_class, UeWindow, offline_label);
  gtk_widget_class_bind_template_child (widget_class, UeWindow, catalog_view);
  gtk_widget_class_bind_template_child (widget_class, UeWindow, answer_view);
  gtk_widget_class_bind_template_child (widget_class, UeWindow, property_pane);
  gtk_widget_class_bind_template_child (widget_class, UeWindow, messages_pane);
  gtk_widget_class_bind_template_child (widget_class, UeWindow, build_revealer);
  gtk_widget_class_bind_template_child (widget_class, UeWindow, build_label);
  gtk_widget_class_bind_template_child (widget_class, UeWindow, build_progress);
  gtk_widget_class_bind_template_child (widget_class, UeWindow, status_revealer);
  gtk_widget_class_bind_template_child (widget_class, UeWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, UeWindow, messages_paned);
  gtk_widget_class_bind_template_child (widget_class, UeWindow, catalog_paned);
  gtk_widget_class_bind_template_child (widget_class, UeWindow, properties_paned);
  gtk_widget_class_bind_template_callback (widget_class, delete_event_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_data_received_cb);
  gtk_widget_class_bind_template_callback (widget_class, offline_bar_response_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "recovery_bar_response_cb",
                                                G_CALLBACK (_ue_window_recovery_response_cb));
  gtk_widget_class_bind_template_callback (widget_class, answer_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, catalog_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, node_activated_cb);
}

static void
ue_window_init (UeWindow *self)
{
  g_autoptr(UeCatalog) catalog = ue_catalog_get_default ();
  g_autoptr(UeAnswerDoc) doc = ue_answer_doc_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  _ue_window_restore_state (self);

  self->validator = ue_validator_new (catalog);
  gtk_drag_dest_set (GTK_WIDGET (self), GTK_DEST_DEFAULT_ALL, NULL, 0, GDK_ACTION_COPY);
  gtk_drag_dest_add_uri_targets (GTK_WIDGET (self));
  _ue_window_add_actions (self);
  _ue_window_setup_recent (self);
  _ue_window_set_catalog (self, catalog);
  _ue_window_set_document (self, doc);
}

UeWindow *
ue_window_new (UeApplication *application)
{
  return g_object_new (UE_TYPE_WINDOW, "application", application, NULL);
}

void
ue_window_open_file (UeWindow *self,
                     GFile    *file)
{
  g_return_if_fail (UE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  _ue_window_confirm_discard (self, open_dropped, g_object_ref (file), g_object_unref);
}

