/* autosave.c — unsaved work kept in $XDG_STATE_HOME, to offer after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ue-core"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "autosave.h"

G_DEFINE_QUARK (ue-autosave-error-quark, ue_autosave_error)

#define GROUP "Autosave"

char *
ue_autosave_default_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "unattend-editor", "autosave", NULL);
}

char *
ue_autosave_new_id (void)
{
  return g_uuid_string_random ();
}

static gboolean
valid_id (const char *id)
{
  /* an id becomes a file name: nothing that could leave the folder */
  if (id == NULL || *id == '\0' || *id == '.')
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static char *
slot_path (const char *dir,
           const char *id,
           const char *ext)
{
  g_autofree char *name = g_strconcat (id, ext, NULL);
  return g_build_filename (dir, name, NULL);
}

/* a pid names a process only until the machine restarts: the boot it belongs to, or NULL */
static char *
read_boot_id (void)
{
  char *text = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &text, NULL, NULL))
    return NULL;
  return g_strstrip (text);
}

static gboolean
fail (GError    **error,
      const char *path,
      GError     *cause)
{
  g_set_error (error, UE_AUTOSAVE_ERROR, UE_AUTOSAVE_ERROR_FAILED, "%s: error: %s", path, cause->message);
  g_error_free (cause);
  return FALSE;
}

gboolean
ue_autosave_write (const char   *dir,
                   const char   *id,
                   UeAnswerDoc  *doc,
                   const char   *original_path,
                   GError      **error)
{
  g_autofree char *default_dir = NULL;
  g_autofree char *data_path = NULL;
  g_autofree char *ini_path = NULL;
  g_autofree char *ini = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *boot_id = read_boot_id ();
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDateTime) now = NULL;
  GError *local_error = NULL;
  gsize ini_len;

  g_return_val_if_fail (valid_id (id), FALSE);
  g_return_val_if_fail (UE_IS_ANSWER_DOC (doc), FALSE);

  if (dir == NULL)
    dir = default_dir = ue_autosave_default_dir ();
  /* unsaved passwords may be in clear: only the user may read the folder */
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, UE_AUTOSAVE_ERROR, UE_AUTOSAVE_ERROR_FAILED, "%s: error: %s", dir,
                   g_strerror (saved_errno));
      return FALSE;
    }
  data_path = slot_path (dir, id, ".xml");
  ini_path = slot_path (dir, id, ".ini");

  /* the data first: a slot whose .ini exists always has complete data */
  bytes = ue_answer_doc_to_bytes (doc);
  if (!g_file_set_contents_full (data_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    return fail (error, data_path, local_error);

  now = g_date_time_new_now_utc ();
  stamp = g_date_time_format_iso8601 (now);
  key_file = g_key_file_new ();
  if (ue_answer_doc_get_path (doc) != NULL)
    original_path = ue_answer_doc_get_path (doc);
  if (original_path != NULL)
    g_key_file_set_string (key_file, GROUP, "original-path", original_path);
  g_key_file_set_string (key_file, GROUP, "saved-at", stamp);
  /* passwords typed since the last save are in clear in the data: the setting decides how
   * the recovered work is saved, it cannot be guessed from the XML */
  g_key_file_set_boolean (key_file, GROUP, "hide-sensitive-data", ue_answer_doc_get_hide_sensitive_data (doc));
  g_key_file_set_integer (key_file, GROUP, "pid", getpid ());
  g_key_file_set_string (key_file, GROUP, "host", g_get_host_name ());
  if (boot_id != NULL)
    g_key_file_set_string (key_file, GROUP, "boot-id", boot_id);
  ini = g_key_file_to_data (key_file, &ini_len, NULL);
  if (!g_file_set_contents_full (ini_path, ini, ini_len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    return fail (error, ini_path, local_error);
  return TRUE;
}

gboolean
ue_autosave_remove (const char  *dir,
                    const char  *id,
                    GError     **error)
{
  g_autofree char *default_dir = NULL;

  g_return_val_if_fail (valid_id (id), FALSE);

  if (dir == NULL)
    dir = default_dir = ue_autosave_default_dir ();
  /* the .ini first: without it the slot is no longer listed, whatever happens next */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = slot_path (dir, id, i == 0 ? ".ini" : ".xml");
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;
          g_set_error (error, UE_AUTOSAVE_ERROR, UE_AUTOSAVE_ERROR_FAILED, "%s: error: %s", path,
                       g_strerror (saved_errno));
          return FALSE;
        }
    }
  return TRUE;
}

void
ue_autosave_entry_free (UeAutosaveEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->data_path);
  g_free (entry->original_path);
  g_clear_pointer (&entry->saved_at, g_date_time_unref);
  g_free (entry);
}

static UeAutosaveEntry *
read_entry (const char  *dir,
            const char  *id,
            GError     **error)
{
  g_autoptr(UeAutosaveEntry) entry = g_new0 (UeAutosaveEntry, 1);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *ini_path = slot_path (dir, id, ".ini");
  g_autofree char *stamp = NULL;
  g_autofree char *host = NULL;
  g_autofree char *slot_boot = NULL;
  g_autofree char *boot_id = NULL;
  GError *local_error = NULL;

  if (!g_key_file_load_from_file (key_file, ini_path, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, UE_AUTOSAVE_ERROR, UE_AUTOSAVE_ERROR_INVALID, "%s: error: %s", ini_path,
                   local_error->message);
      g_error_free (local_error);
      return NULL;
    }
  entry->id = g_strdup (id);
  entry->data_path = slot_path (dir, id, ".xml");
  entry->original_path = g_key_file_get_string (key_file, GROUP, "original-path", NULL);
  stamp = g_key_file_get_string (key_file, GROUP, "saved-at", NULL);
  entry->saved_at = stamp ? g_date_time_new_from_iso8601 (stamp, NULL) : NULL;
  if (entry->saved_at == NULL)
    {
      g_set_error (error, UE_AUTOSAVE_ERROR, UE_AUTOSAVE_ERROR_INVALID,
                   _("%s: error: no valid “saved-at” time"), ini_path);
      return NULL;
    }
  /* unknown: hidden, the default of new documents and the safe side */
  entry->hide_sensitive_data = !g_key_file_has_key (key_file, GROUP, "hide-sensitive-data", NULL) ||
                               g_key_file_get_boolean (key_file, GROUP, "hide-sensitive-data", NULL);
  entry->pid = g_key_file_get_integer (key_file, GROUP, "pid", NULL);
  host = g_key_file_get_string (key_file, GROUP, "host", NULL);
  slot_boot = g_key_file_get_string (key_file, GROUP, "boot-id", NULL);
  boot_id = read_boot_id ();
  /* a pid is only meaningful on the machine that wrote it (a shared home may hold others'),
   * and since that machine last started (after a reboot another process may have it) */
  entry->owner_running = entry->pid > 0 && g_strcmp0 (host, g_get_host_name ()) == 0 &&
                         (slot_boot == NULL || boot_id == NULL || strcmp (slot_boot, boot_id) == 0) &&
                         (kill (entry->pid, 0) == 0 || errno == EPERM);
  return g_steal_pointer (&entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const UeAutosaveEntry *x = *(UeAutosaveEntry **) a, *y = *(UeAutosaveEntry **) b;
  int c = g_date_time_compare (x->saved_at, y->saved_at);
  return c != 0 ? c : strcmp (x->id, y->id);
}

GPtrArray *
ue_autosave_list (const char  *dir,
                  GError     **error)
{
  g_autofree char *default_dir = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ue_autosave_entry_free);
  g_autoptr(GDir) d = NULL;
  GError *local_error = NULL;
  const char *name;

  if (dir == NULL)
    dir = default_dir = ue_autosave_default_dir ();
  d = g_dir_open (dir, 0, &local_error);
  if (d == NULL)
    {
      /* no folder: nothing was ever autosaved */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_error_free (local_error);
          return g_steal_pointer (&entries);
        }
      fail (error, dir, local_error);
      return NULL;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *id = NULL;
      g_autofree char *data_path = NULL;
      UeAutosaveEntry *entry;

      if (!g_str_has_suffix (name, ".ini"))
        continue;
      id = g_strndup (name, strlen (name) - 4);
      data_path = slot_path (dir, id, ".xml");
      if (!valid_id (id) || !g_file_test (data_path, G_FILE_TEST_IS_REGULAR))
        continue;
      /* one damaged slot must not hide the others */
      entry = read_entry (dir, id, NULL);
      if (entry != NULL)
        g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_entries);
  return g_steal_pointer (&entries);
}

UeAnswerDoc *
ue_autosave_recover (const UeAutosaveEntry  *entry,
                     GError                **error)
{
  g_autofree char *contents = NULL;
  GError *local_error = NULL;
  UeAnswerDoc *doc;
  gsize length;

  g_return_val_if_fail (entry != NULL, NULL);

  if (!g_file_get_contents (entry->data_path, &contents, &length, &local_error))
    {
      fail (error, entry->data_path, local_error);
      return NULL;
    }
  doc = ue_answer_doc_new_from_data (contents, length,
                                     entry->original_path ? entry->original_path : entry->data_path, error);
  if (doc == NULL)
    return NULL;
  /* as the user left it, not as the XML suggests: unsaved passwords are in clear there */
  ue_answer_doc_set_hide_sensitive_data (doc, entry->hide_sensitive_data);
  /* the work was never saved: closing it again must ask */
  ue_answer_doc_forget_saved_state (doc);
  return doc;
}
