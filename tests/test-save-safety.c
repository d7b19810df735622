/* test-save-safety.c — saving never loses data: failed saves, other writers, links, modes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CI runs as root, for whom a read-only folder is no obstacle: a full disk is simulated
 * with RLIMIT_FSIZE in a subprocess instead.
 */
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/answer-doc.h"

static const char original[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
  "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\r\n"
  "    <settings pass=\"specialize\">\r\n"
  "        <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\">\r\n"
  "            <ComputerName>old</ComputerName>\r\n"
  "        </component>\r\n"
  "    </settings>\r\n"
  "</unattend>\r\n";

#define NAME_PATH "specialize/Microsoft-Windows-Shell-Setup/ComputerName"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  /* a subprocess works in its parent's folder (its set-up runs again) */
  if (g_test_subprocess ())
    {
      f->dir = g_strdup (g_getenv ("UE_SAVE_SAFETY_DIR"));
      f->path = g_build_filename (f->dir, "unattend.xml", NULL);
      return;
    }
  f->dir = g_dir_make_tmp ("ue-save-safety-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "unattend.xml", NULL);
  g_setenv ("UE_SAVE_SAFETY_DIR", f->dir, TRUE);
  g_assert_true (g_file_set_contents (f->path, original, -1, NULL));
  g_assert_cmpint (g_chmod (f->path, 0640), ==, 0);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  const char *argv[] = { "rm", "-rf", f->dir, NULL };

  if (!g_test_subprocess ())
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  g_free (f->dir);
  g_free (f->path);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
assert_original_on_disk (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;
  GStatBuf st;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpmem (contents, len, original, sizeof original - 1);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
}

static UeAnswerDoc *
open_and_grow (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  UeAnswerDoc *doc = ue_answer_doc_new_from_file (path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < 4096; i++)
    g_string_append_c (big, 'a' + i % 26);
  g_assert_true (ue_answer_doc_set_path_value (doc, NAME_PATH, NULL, big->str, &error));
  g_assert_no_error (error);
  g_assert_true (ue_answer_doc_get_modified (doc));
  return doc;
}

/* the disk fills up while the new bytes are written */
static void
test_disk_full (Fixture      *f,
                gconstpointer data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(UeAnswerDoc) doc = open_and_grow (f->path);
      g_autoptr(GError) error = NULL;
      struct rlimit limit;

      /* EFBIG from write() instead of the signal that would end the process; only the
       * soft limit is lowered, so that it can be raised again */
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      limit.rlim_cur = 1024;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (ue_answer_doc_save (doc, f->path, &error));
      g_assert_error (error, UE_ANSWER_DOC_ERROR, UE_ANSWER_DOC_ERROR_FAILED);
      g_assert_true (g_str_has_prefix (error->message, f->path));
      g_clear_error (&error);
      /* the work is still there, still unsaved */
      g_assert_true (ue_answer_doc_get_modified (doc));
      g_assert_true (ue_answer_doc_can_undo (doc));
      assert_original_on_disk (f->path);

      /* space again: the same document saves, and no conflict is seen with itself */
      limit.rlim_cur = limit.rlim_max;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_true (ue_answer_doc_save (doc, f->path, &error));
      g_assert_no_error (error);
      g_assert_false (ue_answer_doc_get_modified (doc));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  /* the successful save kept the file's mode and left no temporary file behind */
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (f->path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 07777, ==, 0640);
    g_assert_cmpuint (st.st_size, >, sizeof original);
    g_assert_cmpuint (count_files (f->dir), ==, 1);
  }
}

/* a failure leaves nothing behind either */
static void
test_disk_full_no_leftovers (Fixture      *f,
                             gconstpointer data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(UeAnswerDoc) doc = open_and_grow (f->path);
      struct rlimit limit = { 100, 100 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (ue_answer_doc_save_overwrite (doc, f->path, NULL));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  assert_original_on_disk (f->path);
  g_assert_cmpuint (count_files (f->dir), ==, 1);
}

static void
test_unwritable_targets (Fixture      *f,
                         gconstpointer data)
{
  g_autoptr(UeAnswerDoc) doc = open_and_grow (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "unattend.xml", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "a-folder", NULL);

  g_assert_false (ue_answer_doc_save (doc, missing, &error));
  g_assert_error (error, UE_ANSWER_DOC_ERROR, UE_ANSWER_DOC_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, missing));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (ue_answer_doc_save (doc, folder, &error));
  g_assert_error (error, UE_ANSWER_DOC_ERROR, UE_ANSWER_DOC_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  /* still modified, still belonging to the file it came from */
  g_assert_true (ue_answer_doc_get_modified (doc));
  g_assert_cmpstr (ue_answer_doc_get_path (doc), ==, f->path);
  assert_original_on_disk (f->path);
}

static void
test_changed_on_disk (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr(UeAnswerDoc) doc = open_and_grow (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *theirs = "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"/>\n";

  /* rewritten with the same bytes (touched, copied over): no conflict to report */
  g_assert_true (g_file_set_contents (f->path, original, -1, NULL));
  g_assert_true (ue_answer_doc_save (doc, f->path, &error));
  g_assert_no_error (error);

  /* another program's change is detected and kept until the user chooses to overwrite */
  g_assert_true (ue_answer_doc_set_path_value (doc, NAME_PATH, NULL, "mine", &error));
  g_assert_true (g_file_set_contents (f->path, theirs, -1, NULL));
  g_assert_false (ue_answer_doc_save (doc, f->path, &error));
  g_assert_error (error, UE_ANSWER_DOC_ERROR, UE_ANSWER_DOC_ERROR_CHANGED_ON_DISK);
  g_assert_true (g_str_has_prefix (error->message, f->path));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, theirs);
  g_assert_true (ue_answer_doc_get_modified (doc));
  g_assert_true (ue_answer_doc_save_overwrite (doc, f->path, &error));
  g_assert_no_error (error);

  /* deleted by another program: nothing of theirs to lose, the save recreates it */
  g_assert_true (ue_answer_doc_set_path_value (doc, NAME_PATH, NULL, "again", &error));
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_assert_true (ue_answer_doc_save (doc, f->path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
}

/* a link stays a link: the file it points to gets the new bytes */
static void
test_symlink_kept (Fixture      *f,
                   gconstpointer data)
{
  g_autofree char *link = g_build_filename (f->dir, "link.xml", NULL);
  g_autoptr(UeAnswerDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (symlink ("unattend.xml", link), ==, 0);
  doc = open_and_grow (link);
  g_assert_true (ue_answer_doc_save (doc, link, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "unattend.xml");
  g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, !=, original);
  g_assert_nonnull (strstr (contents, "<ComputerName>abcdef"));
}

static GString *log_text;

static GLogWriterOutput
capture_log (GLogLevelFlags   level,
             const GLogField *fields,
             gsize            n_fields,
             gpointer         user_data)
{
  g_autofree char *line = g_log_writer_format_fields (level, fields, n_fields, FALSE);

  g_string_append_printf (log_text, "%s\n", line);
  return G_LOG_WRITER_HANDLED;
}

/* new documents hide passwords; no password reaches a log message, debug ones included */
static void
test_secrets (Fixture      *f,
              gconstpointer data)
{
  const char *password = "Pa55-w0rd-in-clear";
  const char *value_path = "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/AdministratorPassword/Value";
  g_autoptr(UeAnswerDoc) doc = NULL;
  g_autoptr(UeAnswerDoc) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *reread = NULL;

  /* the log writer can be set once per process */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  log_text = g_string_new (NULL);
  g_log_set_debug_enabled (TRUE);
  g_log_set_writer_func (capture_log, NULL, NULL);

  doc = ue_answer_doc_new ();
  g_assert_true (ue_answer_doc_get_hide_sensitive_data (doc));
  g_assert_true (ue_answer_doc_set_path_value (doc, value_path, NULL, password, &error));
  g_assert_no_error (error);
  g_assert_true (ue_answer_doc_save (doc, f->path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, password));
  g_assert_nonnull (strstr (contents, "<PlainText>false</PlainText>"));
  /* the document shows what it saved: hidden too */
  reread = ue_node_dup_text (ue_answer_doc_lookup (doc, value_path, NULL, NULL));
  g_assert_cmpstr (reread, !=, password);

  /* a file that keeps passwords in clear keeps them so (its author's choice) */
  g_assert_true (g_file_set_contents (f->path, "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"><settings pass=\"oobeSystem\">"
                                      "<component name=\"Microsoft-Windows-Shell-Setup\"><UserAccounts><AdministratorPassword>"
                                      "<Value>Pa55-w0rd-in-clear</Value><PlainText>true</PlainText></AdministratorPassword>"
                                      "</UserAccounts></component></settings></unattend>", -1, NULL));
  reopened = ue_answer_doc_new_from_file (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (ue_answer_doc_get_hide_sensitive_data (reopened));
  g_assert_true (ue_answer_doc_set_path_value (reopened, value_path, NULL, "Other-pa55", &error));
  g_assert_true (ue_answer_doc_undo (reopened));
  g_assert_true (ue_answer_doc_save (reopened, f->path, &error));
  g_assert_no_error (error);

  if (strstr (log_text->str, password) != NULL || strstr (log_text->str, "Other-pa55") != NULL)
    g_error ("a password was logged:\n%s", log_text->str);
  g_string_free (log_text, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, func) \
  g_test_add ("/core/save-safety/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("disk-full", test_disk_full);
  ADD ("disk-full-no-leftovers", test_disk_full_no_leftovers);
  ADD ("unwritable-targets", test_unwritable_targets);
  ADD ("changed-on-disk", test_changed_on_disk);
  ADD ("symlink-kept", test_symlink_kept);
  ADD ("secrets", test_secrets);
#undef ADD
  return g_test_run ();
}
