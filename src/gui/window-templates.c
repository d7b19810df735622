/* window-templates.c — the main window's Quick Setup, templates, baselines and merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A template or a baseline becomes an untitled document (the core gives it no path), so
 * Save asks for a name and the baseline cannot be overwritten by accident.
 */
#define G_LOG_DOMAIN "unattend-editor"

#include <glib/gi18n.h>

#include "core/doc-merge.h"
#include "core/template-list.h"
#include "merge-dialog.h"
#include "quick-setup-assistant.h"
#include "template-dialog.h"
#include "window-private.h"

void
_ue_window_quick_setup_cb (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  UeWindow *self = UE_WINDOW (user_data);

  gtk_widget_show (GTK_WIDGET (ue_quick_setup_assistant_new (GTK_WINDOW (self), self->doc)));
}

static void
set_template (UeWindow *self,
              gpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UeAnswerDoc) doc = ue_template_new_document (data, &error);

  if (doc == NULL)
    _ue_window_show_error (self, _("Could not create the document"), error->message);
  else
    _ue_window_set_document (self, doc);
}

static void
template_chosen_cb (GtkDialog *dialog,
                    int        response,
                    UeWindow  *self)
{
  const char *name = ue_template_dialog_get_name (UE_TEMPLATE_DIALOG (dialog));

  if (response == GTK_RESPONSE_OK && name != NULL)
    _ue_window_confirm_discard (self, set_template, g_strdup (name), g_free);
  gtk_widget_destroy (GTK_WIDGET (dialog));
}

void
_ue_window_new_from_template_cb (GSimpleAction *action,
                                 GVariant      *param,
                                 gpointer       user_data)
{
  UeWindow *self = UE_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = ue_template_list (&error);
  UeTemplateDialog *dialog;

  if (templates == NULL)
    {
      _ue_window_show_error (self, _("Could not list the templates"), error->message);
      return;
    }
  dialog = ue_template_dialog_new (GTK_WINDOW (self), templates);
  g_signal_connect_object (dialog, "response", G_CALLBACK (template_chosen_cb), self, 0);
  gtk_widget_show (GTK_WIDGET (dialog));
}

typedef void (*FileChosen) (UeWindow *self,
                            GFile    *file);

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     UeWindow        *self)
{
  FileChosen chosen = g_object_get_data (G_OBJECT (chooser), "ue-file-chosen");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      chosen (self, file);
    }
  g_object_unref (chooser);
}

/* an open dialog for answer files; chosen (self, file) runs when the user accepts */
static void
choose_answer_file (UeWindow   *self,
                    const char *title,
                    const char *accept,
                    FileChosen  chosen)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, accept,
                                         _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Answer files"));
  gtk_file_filter_add_pattern (filter, "*.[xX][mM][lL]");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "ue-file-chosen", chosen);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* NULL (after telling the user) when the file cannot be read */
static UeAnswerDoc *
load_or_complain (UeWindow    *self,
                  GFile       *file,
                  UeAnswerDoc *(*load) (const char *path, GError **error))
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  UeAnswerDoc *doc = path != NULL ? load (path, &error) : NULL;

  if (doc == NULL)
    {
      g_autofree char *primary = g_strdup_printf (_("Could not open “%s”"), name);

      _ue_window_show_error (self, primary, error != NULL ? error->message : NULL);
    }
  return doc;
}

static void
open_baseline (UeWindow *self,
               gpointer  data)
{
  g_autoptr(UeAnswerDoc) doc = load_or_complain (self, data, ue_template_open_baseline);

  if (doc != NULL)
    _ue_window_set_document (self, doc);
}

static void
baseline_chosen (UeWindow *self,
                 GFile    *file)
{
  _ue_window_confirm_discard (self, open_baseline, g_object_ref (file), g_object_unref);
}

void
_ue_window_open_as_template_cb (GSimpleAction *action,
                                GVariant      *param,
                                gpointer       user_data)
{
  choose_answer_file (UE_WINDOW (user_data), _("Open Answer File as Template"), _("_Open"), baseline_chosen);
}

static void
merge (UeWindow       *self,
       UeAnswerDoc    *other,
       UeMergeResolver resolver,
       gpointer        user_data)
{
  g_autoptr(GError) error = NULL;

  if (!ue_doc_merge (self->doc, other, self->catalog, resolver, user_data, NULL, &error))
    _ue_window_show_error (self, _("Could not merge the answer file"), error->message);
}

static void
conflicts_resolved_cb (GtkDialog *dialog,
                       int        response,
                       UeWindow  *self)
{
  if (response == GTK_RESPONSE_OK)
    merge (self, g_object_get_data (G_OBJECT (dialog), "ue-other"), ue_merge_dialog_resolve, dialog);
  gtk_widget_destroy (GTK_WIDGET (dialog));
}

static void
merge_chosen (UeWindow *self,
              GFile    *file)
{
  g_autoptr(UeAnswerDoc) other = load_or_complain (self, file, ue_answer_doc_new_from_file);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *name = g_file_get_basename (file);
  UeMergeDialog *dialog;

  if (other == NULL)
    return;
  conflicts = ue_doc_merge_find_conflicts (self->doc, other, self->catalog);
  if (conflicts->len == 0)
    {
      merge (self, other, NULL, NULL);
      return;
    }
  dialog = ue_merge_dialog_new (GTK_WINDOW (self), conflicts, name);
  g_object_set_data_full (G_OBJECT (dialog), "ue-other", g_steal_pointer (&other), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflicts_resolved_cb), self, 0);
  gtk_widget_show (GTK_WIDGET (dialog));
}

void
_ue_window_merge_cb (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  choose_answer_file (UE_WINDOW (user_data), _("Merge Answer File"), _("_Merge"), merge_chosen);
}
