/* window-file.c — the main window's file handling: new, open, save, recent files, unsaved changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "unattend-editor"

#include <glib/gi18n.h>
#include <string.h>

#include "window-private.h"

#define DEFAULT_NAME "sysprep.xml"

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

void
_ue_window_offer_offline_image (UeWindow *self)
{
  UeNode *root = ue_answer_doc_get_root (self->doc);
  const char *colon;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  g_clear_pointer (&self->offline_source, g_free);
  for (UeNode *child = root ? ue_node_get_first_child (root) : NULL; child; child = ue_node_get_next (child))
    if (ue_node_get_kind (child) == UE_NODE_KIND_OFFLINE_IMAGE)
      {
        self->offline_source = ue_node_dup_attribute (child, "source");
        break;
      }
  /* "wim:C:/path/install.wim#Image Name" or "catalog:/path/file.clg" */
  if (self->offline_source == NULL || (colon = strchr (self->offline_source, ':')) == NULL
      || g_action_map_lookup_action (G_ACTION_MAP (self), "load-offline-image") == NULL)
    return;
  path = g_strndup (colon + 1, strcspn (colon + 1, "#"));
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return;
  text = g_strdup_printf (_("This answer file was made against %s. Load its catalog?"), path);
  gtk_label_set_text (self->offline_label, text);
  gtk_widget_show (GTK_WIDGET (self->offline_bar));
}

gboolean
_ue_window_load_file (UeWindow *self,
                      GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(UeAnswerDoc) doc = NULL;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *message = g_strdup_printf (_("%s: error: only local files can be opened"), uri);

      _ue_window_show_error (self, _("Could not open the file"), message);
      return FALSE;
    }
  doc = ue_answer_doc_new_from_file (path, &error);
  if (doc == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *primary = g_strdup_printf (_("Could not open “%s”"), name);

      _ue_window_show_error (self, primary, error->message);
      return FALSE;
    }
  _ue_window_set_document (self, doc);
  add_recent (file);
  _ue_window_offer_offline_image (self);
  return TRUE;
}

/* the image or catalog the file was edited against, as WSIM records it */
static void
record_offline_image (UeWindow *self)
{
  const UeCatalogSource *source = self->catalog ? ue_catalog_get_source (self->catalog) : NULL;
  g_autofree char *text = NULL;

  if (source == NULL || source->path == NULL)
    return;
  if (source->kind == UE_CATALOG_SOURCE_IMAGE)
    text = g_strdup_printf ("wim:%s#%s", source->path, source->image_name ? source->image_name : "");
  else if (source->kind == UE_CATALOG_SOURCE_FILE)
    text = g_strdup_printf ("catalog:%s", source->path);
  if (text != NULL)
    ue_answer_doc_set_offline_image (self->doc, text);
}

/* another program wrote the file since we read it: its changes would be lost */
static gboolean
confirm_overwrite (UeWindow   *self,
                   const char *name)
{
  GtkWidget *dialog;
  int response;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   _("“%s” was changed by another program"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("Saving replaces the other program’s changes with yours."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Replace"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  response = gtk_dialog_run (GTK_DIALOG (dialog));
  gtk_widget_destroy (dialog);
  return response == GTK_RESPONSE_ACCEPT;
}

static gboolean
save_to (UeWindow *self,
         GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;

  /* part of the last step: Undo after Save takes back the user's change, not this */
  ue_answer_doc_begin_amend (self->doc);
  record_offline_image (self);
  ue_answer_doc_end_group (self->doc);
  if (path != NULL && !ue_answer_doc_save (self->doc, path, &error) &&
      g_error_matches (error, UE_ANSWER_DOC_ERROR, UE_ANSWER_DOC_ERROR_CHANGED_ON_DISK))
    {
      /* the user chose to keep the other program's file: no error to report */
      if (!confirm_overwrite (self, name))
        return FALSE;
      g_clear_error (&error);
      ue_answer_doc_save_overwrite (self->doc, path, &error);
    }
  if (path == NULL || error != NULL)
    {
      g_autofree char *primary = g_strdup_printf (_("Could not save “%s”"), name);

      _ue_window_show_error (self, primary, error != NULL ? error->message : NULL);
      return FALSE;
    }
  add_recent (file);
  g_free (self->sysprep_command);
  self->sysprep_command = g_strdup_printf ("sysprep /generalize /oobe /shutdown /unattend:%s", name);
  text = g_strdup_printf (_("Saved %s. Use it with: %s"), name, self->sysprep_command);
  gtk_label_set_text (self->status_label, text);
  gtk_revealer_set_reveal_child (self->status_revealer, TRUE);
  _ue_window_update_title (self);
  _ue_window_update_actions (self);
  return TRUE;
}

/* asks where to save; runs nested so the unsaved-changes dialog can wait for it */
static gboolean
save_as (UeWindow *self)
{
  g_autoptr(GtkFileChooserNative) chooser = NULL;
  const char *path = ue_answer_doc_get_path (self->doc);
  g_autoptr(GFile) file = NULL;

  chooser = gtk_file_chooser_native_new (_("Save Answer File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_do_overwrite_confirmation (GTK_FILE_CHOOSER (chooser), TRUE);
  if (path == NULL)
    path = self->recovered_path;
  if (path != NULL)
    gtk_file_chooser_set_filename (GTK_FILE_CHOOSER (chooser), path);
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), DEFAULT_NAME);
  if (gtk_native_dialog_run (GTK_NATIVE_DIALOG (chooser)) != GTK_RESPONSE_ACCEPT)
    return FALSE;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  return save_to (self, file);
}

static gboolean
save (UeWindow *self)
{
  const char *path = ue_answer_doc_get_path (self->doc);
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return save_as (self);
  file = g_file_new_for_path (path);
  return save_to (self, file);
}

typedef struct
{
  UeWindow             *self;
  UeWindowContinuation  then;
  gpointer              data;
  GDestroyNotify        free;
} Pending;

static void
pending_free (Pending *pending)
{
  if (pending->free != NULL && pending->data != NULL)
    pending->free (pending->data);
  g_object_unref (pending->self);
  g_free (pending);
}

static void
discard_response_cb (GtkDialog *dialog,
                     int        response,
                     Pending   *pending)
{
  gtk_widget_destroy (GTK_WIDGET (dialog));
  if (response == GTK_RESPONSE_REJECT || (response == GTK_RESPONSE_ACCEPT && save (pending->self)))
    pending->then (pending->self, pending->data);
  pending_free (pending);
}

void
_ue_window_confirm_discard (UeWindow            *self,
                            UeWindowContinuation then,
                            gpointer             data,
                            GDestroyNotify       free)
{
  Pending *pending;
  GtkWidget *dialog;
  const char *path;
  g_autofree char *name = NULL;

  if (self->doc == NULL || !ue_answer_doc_get_modified (self->doc))
    {
      then (self, data);
      if (free != NULL && data != NULL)
        free (data);
      return;
    }

  path = ue_answer_doc_get_path (self->doc);
  if (path == NULL)
    path = self->recovered_path;
  name = path != NULL ? g_path_get_basename (path) : g_strdup (_("Untitled"));
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Save changes to “%s” first?"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("Your changes are lost if you do not save them."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Discard Changes"), GTK_RESPONSE_REJECT,
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Save"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);

  pending = g_new0 (Pending, 1);
  pending->self = g_object_ref (self);
  pending->then = then;
  pending->data = data;
  pending->free = free;
  g_signal_connect (dialog, "response", G_CALLBACK (discard_response_cb), pending);
  gtk_widget_show (dialog);
}

static void
new_document (UeWindow *self,
              gpointer  data)
{
  g_autoptr(UeAnswerDoc) doc = ue_answer_doc_new ();

  _ue_window_set_document (self, doc);
}

void
_ue_window_new_cb (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  _ue_window_confirm_discard (UE_WINDOW (user_data), new_document, NULL, NULL);
}

static void
open_chosen (UeWindow *self,
             gpointer  data)
{
  _ue_window_load_file (self, data);
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  UeWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    _ue_window_confirm_discard (self, open_chosen, gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)),
                                g_object_unref);
  g_object_unref (chooser);
}

void
_ue_window_open_cb (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  UeWindow *self = UE_WINDOW (user_data);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (_("Open Answer File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Answer files"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_filter_add_pattern (filter, "*.XML");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_ue_window_save_cb (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  save (UE_WINDOW (user_data));
}

void
_ue_window_save_as_cb (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  save_as (UE_WINDOW (user_data));
}

void
_ue_window_copy_command_cb (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       user_data)
{
  UeWindow *self = UE_WINDOW (user_data);

  if (self->sysprep_command != NULL)
    gtk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self), GDK_SELECTION_CLIPBOARD),
                            self->sysprep_command, -1);
}

static void
recent_activated_cb (GtkRecentChooser *chooser,
                     UeWindow         *self)
{
  g_autofree char *uri = gtk_recent_chooser_get_current_uri (chooser);

  if (uri != NULL)
    _ue_window_confirm_discard (self, open_chosen, g_file_new_for_uri (uri), g_object_unref);
}

void
_ue_window_setup_recent (UeWindow *self)
{
  GtkWidget *menu = gtk_recent_chooser_menu_new ();
  GtkRecentFilter *filter = gtk_recent_filter_new ();

  gtk_recent_filter_add_pattern (filter, "*.xml");
  gtk_recent_filter_add_pattern (filter, "*.XML");
  gtk_recent_chooser_set_filter (GTK_RECENT_CHOOSER (menu), filter);
  gtk_recent_chooser_set_local_only (GTK_RECENT_CHOOSER (menu), TRUE);
  gtk_recent_chooser_set_sort_type (GTK_RECENT_CHOOSER (menu), GTK_RECENT_SORT_MRU);
  gtk_recent_chooser_set_limit (GTK_RECENT_CHOOSER (menu), 10);
  g_signal_connect_object (menu, "item-activated", G_CALLBACK (recent_activated_cb), self, 0);
  gtk_menu_button_set_popup (self->recent_button, menu);
}
