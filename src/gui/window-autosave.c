/* window-autosave.c — the main window keeps unsaved work for recovery and offers what a crash left
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While a document is modified it is written to its autosave slot (src/core/autosave.c) at
 * most once a minute: the first edit starts the clock, the write takes whatever the
 * document holds then. Saving, undoing back to the saved state, closing or replacing
 * the document removes the slot, so a slot left behind is work a crash or kill cost.
 * UE_AUTOSAVE_SECONDS shortens the minute (tests).
 */
#define G_LOG_DOMAIN "unattend-editor"

#include <glib/gi18n.h>

#include "application.h"
#include "core/autosave.h"
#include "window-private.h"

#define DEFAULT_INTERVAL 60

static guint
autosave_interval (void)
{
  const char *env = g_getenv ("UE_AUTOSAVE_SECONDS");
  guint64 seconds;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, 3600, &seconds, NULL))
    return seconds;
  return DEFAULT_INTERVAL;
}

static void
report_failure (UeWindow   *self,
                const char *message)
{
  g_autofree char *text = g_strdup_printf (_("Unsaved work could not be kept for recovery: %s"), message);

  gtk_label_set_text (self->status_label, text);
  gtk_revealer_set_reveal_child (self->status_revealer, TRUE);
}

static gboolean
autosave_timeout_cb (gpointer user_data)
{
  UeWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  self->autosave_timeout_id = 0;
  if (self->doc == NULL || !ue_answer_doc_get_modified (self->doc))
    return G_SOURCE_REMOVE;
  if (self->autosave_id == NULL)
    self->autosave_id = ue_autosave_new_id ();
  if (!ue_autosave_write (NULL, self->autosave_id, self->doc, self->recovered_path, &error))
    report_failure (self, error->message);
  return G_SOURCE_REMOVE;
}

static void
remove_slot (UeWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->autosave_timeout_id, g_source_remove);
  if (self->autosave_id == NULL)
    return;
  if (!ue_autosave_remove (NULL, self->autosave_id, &error))
    g_message ("%s", error->message);
}

void
_ue_window_autosave_update (UeWindow *self)
{
  if (self->doc == NULL || !ue_answer_doc_get_modified (self->doc))
    {
      /* saved, or undone to what is on disk: nothing to recover */
      remove_slot (self);
      return;
    }
  /* a minute of editing, not a minute of quiet: later edits do not push the write back */
  if (self->autosave_timeout_id == 0)
    self->autosave_timeout_id = g_timeout_add_seconds (autosave_interval (), autosave_timeout_cb, self);
}

void
_ue_window_autosave_forget (UeWindow *self)
{
  remove_slot (self);
  g_clear_pointer (&self->autosave_id, g_free);
}

static char *
describe_time (GDateTime *utc)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* TRANSLATORS: when unsaved work was last kept, today; see strftime */
    return g_date_time_format (local, _("today at %H:%M"));
  /* TRANSLATORS: when unsaved work was last kept, another day; see strftime */
  return g_date_time_format (local, _("%x at %H:%M"));
}

static char *
entry_name (const UeAutosaveEntry *entry)
{
  return entry->original_path != NULL ? g_path_get_basename (entry->original_path) : g_strdup (_("Untitled"));
}

void
ue_window_offer_recovery (UeWindow *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (UE_IS_WINDOW (self));

  entries = ue_autosave_list (NULL, &error);
  if (entries == NULL)
    {
      g_message ("%s", error->message);
      return;
    }
  /* another editor that still runs owns its slots */
  for (guint i = entries->len; i-- > 0;)
    if (((UeAutosaveEntry *) entries->pdata[i])->owner_running)
      g_ptr_array_remove_index (entries, i);
  if (entries->len == 0)
    return;

  if (entries->len == 1)
    {
      const UeAutosaveEntry *entry = entries->pdata[0];
      g_autofree char *name = entry_name (entry);
      g_autofree char *when = describe_time (entry->saved_at);

      text = g_strdup_printf (_("Unattend Editor closed before the changes to “%s” were saved. "
                                "Recover the work kept %s?"), name, when);
    }
  else
    text = g_strdup_printf (g_dngettext (NULL, "Unattend Editor closed before the changes to %u document were saved. "
                                               "Recover them?",
                                         "Unattend Editor closed before the changes to %u documents were saved. "
                                         "Recover them?", entries->len),
                            entries->len);
  g_clear_pointer (&self->recovery_entries, g_ptr_array_unref);
  self->recovery_entries = g_steal_pointer (&entries);
  gtk_label_set_text (self->recovery_label, text);
  gtk_widget_show (GTK_WIDGET (self->recovery_bar));
}

/* the work goes into this window; it keeps the slot, now in this process's name */
static void
recover_into (UeWindow              *self,
              const UeAutosaveEntry *entry)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UeAnswerDoc) doc = ue_autosave_recover (entry, &error);

  if (doc == NULL)
    {
      g_autofree char *name = entry_name (entry);
      g_autofree char *primary = g_strdup_printf (_("Could not recover “%s”"), name);

      _ue_window_show_error (self, primary, error->message);
      return;
    }
  _ue_window_set_document (self, doc);
  g_free (self->recovered_path);
  self->recovered_path = g_strdup (entry->original_path);
  self->autosave_id = g_strdup (entry->id);
  if (!ue_autosave_write (NULL, self->autosave_id, doc, self->recovered_path, &error))
    report_failure (self, error->message);
  _ue_window_update_title (self);
  _ue_window_offer_offline_image (self);
}

static const UeAutosaveEntry *
find_entry (GPtrArray  *entries,
            const char *id)
{
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    if (g_strcmp0 (((UeAutosaveEntry *) entries->pdata[i])->id, id) == 0)
      return entries->pdata[i];
  return NULL;
}

void
_ue_window_recovery_response_cb (GtkInfoBar *bar,
                                 int         response,
                                 UeWindow   *self)
{
  g_autoptr(GPtrArray) entries = g_steal_pointer (&self->recovery_entries);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GPtrArray) now = NULL;
  gboolean first = TRUE;

  gtk_widget_hide (GTK_WIDGET (bar));
  /* closed without a choice: the work waits for the next start */
  if (entries == NULL || (response != GTK_RESPONSE_ACCEPT && response != GTK_RESPONSE_REJECT))
    return;
  /* another editor started after the crash may have taken or discarded a slot since */
  now = ue_autosave_list (NULL, NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      const UeAutosaveEntry *entry = find_entry (now, ((UeAutosaveEntry *) entries->pdata[i])->id);
      g_autoptr(GError) error = NULL;
      UeWindow *target = self;

      if (entry == NULL || entry->owner_running)
        continue;

      if (response == GTK_RESPONSE_REJECT)
        {
          if (!ue_autosave_remove (NULL, entry->id, &error))
            _ue_window_show_error (self, _("Could not discard the unsaved work"), error->message);
          continue;
        }
      /* this window takes the first unless it holds a file or changes of its own */
      if (!first || ue_answer_doc_get_modified (self->doc) || ue_answer_doc_get_path (self->doc) != NULL)
        target = UE_WINDOW (ue_application_new_window (UE_APPLICATION (application)));
      first = FALSE;
      recover_into (target, entry);
    }
}
