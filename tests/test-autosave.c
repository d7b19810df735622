/* test-autosave.c — unsaved work survives a crash: autosave slots, listing, recovery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/autosave.h"
#include "doc-test-util.h"

static const char doc_text[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
  "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\r\n"
  "    <settings pass=\"specialize\">\r\n"
  "        <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\">\r\n"
  "            <ComputerName>before</ComputerName>\r\n"
  "        </component>\r\n"
  "    </settings>\r\n"
  "</unattend>\r\n";

#define EDIT_PATH "specialize/Microsoft-Windows-Shell-Setup/ComputerName"

static char *
make_dir (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ue-autosave-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (tmp, "state", NULL);

  g_assert_cmpint (g_mkdir (state, 0700), ==, 0);
  return g_build_filename (state, "autosave", NULL);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GFile) top = g_file_new_for_path (dir);
  g_autoptr(GFile) root = g_file_get_parent (top);
  g_autoptr(GFile) tmp = g_file_get_parent (root);
  g_autofree char *cmd_dir = g_file_get_path (tmp);
  const char *argv[] = { "rm", "-rf", cmd_dir, NULL };
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static UeAnswerDoc *
edited_doc (const char *path_on_disk,
            const char *value)
{
  g_autoptr(GError) error = NULL;
  UeAnswerDoc *doc;

  if (path_on_disk != NULL)
    {
      g_assert_true (g_file_set_contents (path_on_disk, doc_text, -1, NULL));
      doc = ue_answer_doc_new_from_file (path_on_disk, &error);
    }
  else
    doc = ue_answer_doc_new_from_data (doc_text, strlen (doc_text), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ue_answer_doc_set_path_value (doc, EDIT_PATH, NULL, value, &error));
  g_assert_no_error (error);
  return doc;
}

static void
test_write_list_remove (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *file = NULL;
  g_autofree char *id = ue_autosave_new_id ();
  g_autofree char *id2 = ue_autosave_new_id ();
  g_autoptr(UeAnswerDoc) doc = NULL;
  g_autoptr(UeAnswerDoc) untitled = NULL;
  g_autoptr(UeAnswerDoc) recovered = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *parent = g_path_get_dirname (dir);
  UeAutosaveEntry *entry;
  GStatBuf st;

  g_assert_cmpstr (id, !=, id2);
  /* nothing autosaved yet, not even the folder */
  entries = ue_autosave_list (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  file = g_build_filename (parent, "unattend.xml", NULL);
  doc = edited_doc (file, "after");
  g_assert_true (ue_autosave_write (dir, id, doc, NULL, &error));
  g_assert_no_error (error);
  /* rewriting the slot replaces it */
  g_assert_true (ue_answer_doc_set_path_value (doc, EDIT_PATH, NULL, "after2", &error));
  g_assert_true (ue_autosave_write (dir, id, doc, NULL, &error));
  g_assert_no_error (error);
  untitled = edited_doc (NULL, "untitled-work");
  g_assert_true (ue_autosave_write (dir, id2, untitled, NULL, &error));

  /* only the user can read unsaved passwords */
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  {
    g_autofree char *xml = g_strconcat (dir, "/", id, ".xml", NULL);
    g_assert_cmpint (g_stat (xml, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  entries = ue_autosave_list (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = NULL;
  for (guint i = 0; i < entries->len; i++)
    if (strcmp (((UeAutosaveEntry *) entries->pdata[i])->id, id) == 0)
      entry = entries->pdata[i];
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->original_path, ==, file);
  g_assert_nonnull (entry->saved_at);
  /* written by this process, which still runs: not crashed work */
  g_assert_cmpint (entry->pid, ==, getpid ());
  g_assert_true (entry->owner_running);
  recovered = ue_autosave_recover (entry, &error);
  g_assert_no_error (error);
  expected = ue_test_doc_dump (doc);
  got = ue_test_doc_dump (recovered);
  g_assert_cmpstr (got, ==, expected);
  g_assert_null (ue_answer_doc_get_path (recovered));
  g_assert_cmpstr (ue_answer_doc_get_display_name (recovered), ==, file);
  /* recovered work is unsaved work: closing it must ask, and nothing undoes it to "saved" */
  g_assert_true (ue_answer_doc_get_modified (recovered));
  g_assert_false (ue_answer_doc_can_undo (recovered));
  for (guint i = 0; i < entries->len; i++)
    if (strcmp (((UeAutosaveEntry *) entries->pdata[i])->id, id2) == 0)
      g_assert_null (((UeAutosaveEntry *) entries->pdata[i])->original_path);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* a clean save or close removes the slot; removing twice is fine */
  g_assert_true (ue_autosave_remove (dir, id, &error));
  g_assert_true (ue_autosave_remove (dir, id, &error));
  g_assert_no_error (error);
  entries = ue_autosave_list (dir, &error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((UeAutosaveEntry *) entries->pdata[0])->id, ==, id2);
  g_clear_pointer (&entries, g_ptr_array_unref);

  remove_tree (dir);
}

static void
test_damaged_slots (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *id = ue_autosave_new_id ();
  g_autoptr(UeAnswerDoc) doc = edited_doc (NULL, "x");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bad_ini = g_build_filename (dir, "broken.ini", NULL);
  g_autofree char *bad_xml = g_build_filename (dir, "broken.xml", NULL);
  g_autofree char *orphan_ini = g_build_filename (dir, "orphan.ini", NULL);
  g_autoptr(UeAnswerDoc) recovered = NULL;

  g_assert_true (ue_autosave_write (dir, id, doc, NULL, &error));
  /* an .ini that is not one, and an .ini whose data is gone: skipped, not fatal */
  g_assert_true (g_file_set_contents (bad_ini, "\x01garbage[[", -1, NULL));
  g_assert_true (g_file_set_contents (bad_xml, "<unattend/>", -1, NULL));
  g_assert_true (g_file_set_contents (orphan_ini, "[Autosave]\nsaved-at=2026-01-01T00:00:00Z\n", -1, NULL));
  entries = ue_autosave_list (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((UeAutosaveEntry *) entries->pdata[0])->id, ==, id);

  /* data damaged after it was listed: a clear error, no crash */
  g_assert_true (g_file_set_contents (((UeAutosaveEntry *) entries->pdata[0])->data_path, "<unattend", -1, NULL));
  recovered = ue_autosave_recover (entries->pdata[0], &error);
  g_assert_null (recovered);
  g_assert_error (error, UE_ANSWER_DOC_ERROR, UE_ANSWER_DOC_ERROR_PARSE);
  g_clear_error (&error);

  /* a folder that cannot be made: a file sits where it should be */
  {
    g_autofree char *blocked = g_build_filename (dir, "blocked", NULL);
    g_autofree char *below = g_build_filename (blocked, "autosave", NULL);
    g_assert_true (g_file_set_contents (blocked, "", -1, NULL));
    g_assert_false (ue_autosave_write (below, id, doc, NULL, &error));
    g_assert_error (error, UE_AUTOSAVE_ERROR, UE_AUTOSAVE_ERROR_FAILED);
    g_assert_true (g_str_has_prefix (error->message, below));
    g_clear_error (&error);
  }
  remove_tree (dir);
}

/* the child: open a file, edit it, autosave, tell the parent, then wait to be killed */
static int
child_main (const char *dir,
            const char *file,
            int         fd)
{
  g_autoptr(UeAnswerDoc) doc = edited_doc (file, "unsaved-work");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = ue_autosave_new_id ();

  if (!ue_autosave_write (dir, id, doc, NULL, &error))
    g_error ("%s", error->message);
  if (write (fd, "k", 1) != 1)
    return 1;
  for (;;)
    pause ();
}

static const char *self_exe;

static void
test_recover_after_kill (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autofree char *file = g_build_filename (parent, "sysprep.xml", NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UeAnswerDoc) recovered = NULL;
  g_autofree char *value = NULL;
  g_autofree char *on_disk = NULL;
  int fds[2];
  char c;
  pid_t pid;
  int status;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autofree char *fd_text = g_strdup_printf ("%d", fds[1]);
      close (fds[0]);
      /* a fresh process, not a copy of this one's state */
      execl (self_exe, self_exe, "--autosave-child", dir, file, fd_text, (char *) NULL);
      _exit (127);
    }
  close (fds[1]);
  g_assert_cmpint (read (fds[0], &c, 1), ==, 1);
  close (fds[0]);

  /* the editor dies without a chance to clean up */
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

  entries = ue_autosave_list (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpint (((UeAutosaveEntry *) entries->pdata[0])->pid, ==, pid);
  g_assert_false (((UeAutosaveEntry *) entries->pdata[0])->owner_running);
  g_assert_cmpstr (((UeAutosaveEntry *) entries->pdata[0])->original_path, ==, file);
  recovered = ue_autosave_recover (entries->pdata[0], &error);
  g_assert_no_error (error);
  value = ue_node_dup_text (ue_answer_doc_lookup (recovered, EDIT_PATH, NULL, NULL));
  g_assert_cmpstr (value, ==, "unsaved-work");
  /* the file itself was never touched */
  g_assert_true (g_file_get_contents (file, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, doc_text);

  remove_tree (dir);
}

#define PASSWORD_PATH "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/AdministratorPassword/Value"

/* a new document (Hide Sensitive Data on) with a password typed but never saved: the slot
 * holds it in clear, the recovered document still hides it when saved, and a second
 * autosave of the recovered work still names the user's file */
static void
test_recover_keeps_settings (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autofree char *file = g_build_filename (parent, "sysprep.xml", NULL);
  g_autofree char *saved = g_build_filename (parent, "saved.xml", NULL);
  g_autofree char *id = ue_autosave_new_id ();
  g_autoptr(UeAnswerDoc) doc = ue_answer_doc_new ();
  g_autoptr(UeAnswerDoc) recovered = NULL;
  g_autoptr(UeAnswerDoc) again = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *on_disk = NULL;

  g_assert_true (ue_answer_doc_get_hide_sensitive_data (doc));
  g_assert_true (ue_answer_doc_set_path_value (doc, PASSWORD_PATH, NULL, "S3cret!", &error));
  g_assert_no_error (error);
  g_assert_true (ue_autosave_write (dir, id, doc, file, &error));
  g_assert_no_error (error);

  entries = ue_autosave_list (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  /* an untitled document given the file it belongs to */
  g_assert_cmpstr (((UeAutosaveEntry *) entries->pdata[0])->original_path, ==, file);
  g_assert_true (((UeAutosaveEntry *) entries->pdata[0])->hide_sensitive_data);
  recovered = ue_autosave_recover (entries->pdata[0], &error);
  g_assert_no_error (error);
  g_assert_true (ue_answer_doc_get_hide_sensitive_data (recovered));

  /* the recovered work, written again (the editor took the slot over): same file named */
  g_assert_true (ue_autosave_write (dir, id, recovered, file, &error));
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = ue_autosave_list (dir, &error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((UeAutosaveEntry *) entries->pdata[0])->original_path, ==, file);

  g_assert_true (ue_answer_doc_save (recovered, saved, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (saved, &on_disk, NULL, NULL));
  g_assert_null (strstr (on_disk, "S3cret!"));
  g_assert_nonnull (strstr (on_disk, "<PlainText>false</PlainText>"));

  /* Hide Sensitive Data off is kept too: the user chose clear text */
  ue_answer_doc_set_hide_sensitive_data (recovered, FALSE);
  g_assert_true (ue_autosave_write (dir, id, recovered, file, &error));
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = ue_autosave_list (dir, &error);
  again = ue_autosave_recover (entries->pdata[0], &error);
  g_assert_no_error (error);
  g_assert_false (ue_answer_doc_get_hide_sensitive_data (again));

  remove_tree (dir);
}

static void
test_default_dir (void)
{
  g_autofree char *dir = ue_autosave_default_dir ();
  g_autofree char *expected = g_build_filename (g_get_user_state_dir (), "unattend-editor", "autosave", NULL);

  g_assert_cmpstr (dir, ==, expected);
}

int
main (int argc, char **argv)
{
  if (argc == 5 && strcmp (argv[1], "--autosave-child") == 0)
    return child_main (argv[2], argv[3], atoi (argv[4]));
  self_exe = argv[0];
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/autosave/write-list-remove", test_write_list_remove);
  g_test_add_func ("/core/autosave/damaged-slots", test_damaged_slots);
  g_test_add_func ("/core/autosave/recover-after-kill", test_recover_after_kill);
  g_test_add_func ("/core/autosave/recover-keeps-settings", test_recover_keeps_settings);
  g_test_add_func ("/core/autosave/default-dir", test_default_dir);
  return g_test_run ();
}
