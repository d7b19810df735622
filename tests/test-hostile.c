/* test-hostile.c — hostile and broken answer files: each refused with a clear message
 * (FILE:LINE:COL when there is a position), in bounded time and memory, or read faithfully
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Time is bounded by the test's timeout in meson, not by timed assertions.
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>

#include "core/answer-doc.h"

#define ROOT_OPEN "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">"

static void
assert_refused (const char *text,
                gsize       len,
                int         code,
                guint       line,
                guint       column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UeAnswerDoc) doc = ue_answer_doc_new_from_data (text, len, "hostile.xml", &error);
  g_autofree char *prefix = line == 0 ? g_strdup ("hostile.xml: error: ")
                            : column == 0 ? g_strdup_printf ("hostile.xml:%u:", line)
                            : g_strdup_printf ("hostile.xml:%u:%u: error: ", line, column);

  g_assert_null (doc);
  g_assert_error (error, UE_ANSWER_DOC_ERROR, code);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
  /* one line, no libxml2 noise */
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_entities (void)
{
  g_autoptr(GString) laughs = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
  g_autoptr(GString) quadratic = g_string_new ("<?xml version=\"1.0\"?>\n\n<!DOCTYPE kaboom [<!ENTITY a \"");
  static const struct { const char *text; guint line, column; } external[] = {
    { "<?xml version=\"1.0\"?>\n<!DOCTYPE unattend [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
      ROOT_OPEN "<x>&xxe;</x></unattend>", 2, 1 },
    { "<?xml version=\"1.0\"?>\n  <!DOCTYPE unattend [<!ENTITY xxe SYSTEM \"http://127.0.0.1:9/x\">]>\n"
      ROOT_OPEN "<x>&xxe;</x></unattend>", 2, 3 },
    { "<!DOCTYPE unattend [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>\n" ROOT_OPEN "</unattend>", 1, 1 },
    { "<!DOCTYPE unattend SYSTEM \"file:///etc/passwd\">" ROOT_OPEN "</unattend>", 1, 1 },
    { "<?xml version=\"1.0\"?><!-- x -->\r\n<!DOCTYPE unattend>\r\n" ROOT_OPEN "</unattend>", 2, 1 },
  };

  /* billion laughs: ten levels of ten references */
  for (int i = 1; i < 10; i++)
    {
      g_string_append_printf (laughs, " <!ENTITY lol%d \"", i);
      for (int j = 0; j < 10; j++)
        {
          if (i == 1)
            g_string_append (laughs, "&lol;");
          else
            g_string_append_printf (laughs, "&lol%d;", i - 1);
        }
      g_string_append (laughs, "\">\n");
    }
  g_string_append (laughs, "]>\n<unattend>&lol9;</unattend>\n");
  assert_refused (laughs->str, laughs->len, UE_ANSWER_DOC_ERROR_FORBIDDEN, 2, 1);

  /* quadratic blowup: one 50 kB entity referenced 50,000 times */
  for (int i = 0; i < 50000; i++)
    g_string_append_c (quadratic, 'a');
  g_string_append (quadratic, "\">]>\n<unattend>");
  for (int i = 0; i < 50000; i++)
    g_string_append (quadratic, "&a;");
  g_string_append (quadratic, "</unattend>");
  assert_refused (quadratic->str, quadratic->len, UE_ANSWER_DOC_ERROR_FORBIDDEN, 3, 1);

  for (guint i = 0; i < G_N_ELEMENTS (external); i++)
    assert_refused (external[i].text, strlen (external[i].text), UE_ANSWER_DOC_ERROR_FORBIDDEN,
                    external[i].line, external[i].column);

  /* an entity reference without a DOCTYPE is simply undefined */
  {
    const char *text = ROOT_OPEN "\n  <x>&xxe;</x></unattend>";
    assert_refused (text, strlen (text), UE_ANSWER_DOC_ERROR_PARSE, 2, 11);
  }
}

static void
test_xinclude_not_followed (void)
{
  const char *text = ROOT_OPEN "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" parse=\"text\"/></unattend>";
  g_autoptr(GError) error = NULL;
  g_autoptr(UeAnswerDoc) doc = ue_answer_doc_new_from_data (text, strlen (text), "x.xml", &error);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  bytes = ue_answer_doc_to_bytes (doc);
  /* kept as an element, never replaced by the file */
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), text, strlen (text));
}

static GString *
nested (guint depth)
{
  GString *s = g_string_new (ROOT_OPEN "<settings pass=\"oobeSystem\"><component name=\"X\">\n");

  for (guint i = 0; i < depth; i++)
    g_string_append (s, "<A>");
  g_string_append (s, "deep");
  for (guint i = 0; i < depth; i++)
    g_string_append (s, "</A>");
  g_string_append (s, "</component></settings></unattend>\n");
  return s;
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) deep = nested (10000);
  g_autoptr(GString) fine = nested (200);
  g_autoptr(GError) error = NULL;
  g_autoptr(UeAnswerDoc) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* refused at libxml2's depth limit, on line 2 (any column) */
  assert_refused (deep->str, deep->len, UE_ANSWER_DOC_ERROR_PARSE, 2, 0);

  /* deep but within the limit: loaded, edited, written back */
  doc = ue_answer_doc_new_from_data (fine->str, fine->len, "deep.xml", &error);
  g_assert_no_error (error);
  bytes = ue_answer_doc_to_bytes (doc);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), fine->str, fine->len);
  {
    UeNode *n = ue_answer_doc_lookup (doc, "oobeSystem/X/A", NULL, NULL);
    g_autofree char *path = NULL;
    while (ue_node_get_first_child (n) != NULL)
      n = ue_node_get_first_child (n);
    path = ue_node_dup_path (n);
    g_assert_true (ue_answer_doc_set_path_value (doc, path, NULL, "changed", &error));
    g_assert_no_error (error);
    ue_answer_doc_remove (doc, n);
    g_assert_true (ue_answer_doc_undo (doc));
    g_assert_true (ue_answer_doc_undo (doc));
    g_clear_pointer (&bytes, g_bytes_unref);
    bytes = ue_answer_doc_to_bytes (doc);
    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), fine->str, fine->len);
  }
}

static void
test_invalid_utf8 (void)
{
  static const struct { const char *text; guint line, column; } cases[] = {
    { ROOT_OPEN "\n<x>\xc0\xaf</x></unattend>", 2, 4 },              /* overlong '/' */
    { ROOT_OPEN "\n\n<x a=\"\xed\xa0\x80\"/></unattend>", 3, 7 },   /* a UTF-16 surrogate */
    { ROOT_OPEN "<x>\xf8\x88\x80\x80\x80</x></unattend>", 1, 57 },  /* five bytes */
    { ROOT_OPEN "<x/></unattend>\xe2\x82", 1, 69 },                 /* cut at the end */
    { "\xff\xfe" "<", 0, 0 },                                       /* odd-length UTF-16 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_refused (cases[i].text, strlen (cases[i].text), UE_ANSWER_DOC_ERROR_ENCODING,
                    cases[i].line, cases[i].column);
}

static void
test_nul_bytes (void)
{
  static const char at_start[] = "\0<unattend/>";
  static const char inside[] = ROOT_OPEN "\n<x>\n ab\0c</x></unattend>";
  static const char utf16_no_bom[] = "<\0u\0/\0>\0";

  assert_refused (at_start, sizeof at_start - 1, UE_ANSWER_DOC_ERROR_ENCODING, 1, 1);
  assert_refused (inside, sizeof inside - 1, UE_ANSWER_DOC_ERROR_ENCODING, 3, 4);
  /* UTF-16 without a byte-order mark: NUL bytes, refused with the same message */
  assert_refused (utf16_no_bom, sizeof utf16_no_bom - 1, UE_ANSWER_DOC_ERROR_ENCODING, 1, 2);
}

static char *
utf16_file (const char *utf8,
            gboolean    little_endian,
            gsize      *len)
{
  gsize n = 0;
  g_autofree char *body = g_convert (utf8, -1, little_endian ? "UTF-16LE" : "UTF-16BE", "UTF-8", NULL, &n, NULL);
  char *file = g_malloc (n + 2);

  memcpy (file, little_endian ? "\xff\xfe" : "\xfe\xff", 2);
  memcpy (file + 2, body, n);
  *len = n + 2;
  return file;
}

static void
test_utf16_save (void)
{
  const char *text = "<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n" ROOT_OPEN "\r\n"
                     "  <settings pass=\"oobeSystem\">\r\n    <component name=\"Microsoft-Windows-Shell-Setup\">\r\n"
                     "      <RegisteredOwner>J\xc3\xbcrgen \xf0\x9f\x98\x80</RegisteredOwner>\r\n"
                     "    </component>\r\n  </settings>\r\n</unattend>\r\n";

  for (int le = 1; le >= 0; le--)
    {
      g_autofree char *dir = g_dir_make_tmp ("ue-utf16-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "utf16.xml", NULL);
      g_autofree char *saved = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *value = NULL;
      g_autofree char *file = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(UeAnswerDoc) doc = NULL;
      g_autoptr(UeAnswerDoc) again = NULL;
      gsize file_len, saved_len, expected_len;

      file = utf16_file (text, le, &file_len);
      g_assert_true (g_file_set_contents (path, file, file_len, NULL));
      doc = ue_answer_doc_new_from_file (path, &error);
      g_assert_no_error (error);
      value = ue_node_dup_text (ue_answer_doc_lookup (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/RegisteredOwner", NULL, NULL));
      g_assert_cmpstr (value, ==, "J\xc3\xbcrgen \xf0\x9f\x98\x80");

      /* unchanged: written back as UTF-16LE with its BOM (big-endian files too) */
      g_assert_true (ue_answer_doc_save_overwrite (doc, path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &saved, &saved_len, NULL));
      g_free (file);
      file = utf16_file (text, TRUE, &file_len);
      g_assert_cmpmem (saved, saved_len, file, file_len);

      /* edited: still UTF-16 with BOM, and the edit reads back */
      g_assert_true (ue_answer_doc_set_path_value (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/RegisteredOwner",
                                                   NULL, "\xc3\x89mile", &error));
      g_assert_true (ue_answer_doc_save (doc, path, &error));
      g_assert_no_error (error);
      g_free (saved);
      g_assert_true (g_file_get_contents (path, &saved, &saved_len, NULL));
      g_assert_cmpmem (saved, 2, "\xff\xfe", 2);
      {
        g_autofree char *utf8 = g_convert (saved + 2, saved_len - 2, "UTF-8", "UTF-16LE", NULL, NULL, NULL);
        g_autofree char *old_owner = g_strdup ("J\xc3\xbcrgen \xf0\x9f\x98\x80");
        g_autoptr(GString) want = g_string_new (text);
        g_string_replace (want, old_owner, "\xc3\x89mile", 1);
        expected = g_string_free (g_steal_pointer (&want), FALSE);
        g_assert_cmpstr (utf8, ==, expected);
        (void) expected_len;
      }
      again = ue_answer_doc_new_from_file (path, &error);
      g_assert_no_error (error);
      g_unlink (path);
      g_rmdir (dir);
    }
}

/* under AddressSanitizer memory and time say nothing about the code: a smaller file */
#if defined(__SANITIZE_ADDRESS__)
#define TARGET_MB 10
#else
#define TARGET_MB 50
#endif

static gsize
peak_rss_kb (void)
{
  struct rusage usage;
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static void
test_50mb (void)
{
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n" ROOT_OPEN "\r\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(UeAnswerDoc) doc = NULL;
  g_autoptr(UeAnswerDoc) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize rss_before, rss_after;
  gint64 t0, t_load, t_save, t_edit, t1;
  guint i;

  /* many passes of many components of ordinary settings, as a generator might write */
  for (i = 0; text->len < TARGET_MB * 1024 * 1024; i++)
    {
      g_string_append_printf (text, "  <settings pass=\"specialize\">\r\n    <component name=\"C%u\" processorArchitecture=\"amd64\">\r\n", i);
      for (guint j = 0; j < 50; j++)
        g_string_append_printf (text, "      <Setting%u>value %u of component %u &amp; more</Setting%u>\r\n", j, j, i, j);
      g_string_append (text, "      <RunSynchronous>\r\n        <RunSynchronousCommand wcm:action=\"add\" "
                             "xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\">\r\n"
                             "          <Order>1</Order>\r\n          <Path>cmd /c exit</Path>\r\n"
                             "        </RunSynchronousCommand>\r\n      </RunSynchronous>\r\n");
      g_string_append (text, "    </component>\r\n  </settings>\r\n");
    }
  g_string_append (text, "</unattend>\r\n");

  rss_before = peak_rss_kb ();
  t0 = g_get_monotonic_time ();
  doc = ue_answer_doc_new_from_data (text->str, text->len, "big.xml", &error);
  g_assert_no_error (error);
  t_load = g_get_monotonic_time ();
  bytes = ue_answer_doc_to_bytes (doc);
  t_save = g_get_monotonic_time ();
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), text->str, text->len);
  g_clear_pointer (&bytes, g_bytes_unref);

  t_edit = g_get_monotonic_time ();
  g_assert_true (ue_answer_doc_set_path_value (doc, "specialize/C7/Setting3", NULL, "edited", &error));
  g_assert_no_error (error);
  t_edit = g_get_monotonic_time () - t_edit;
  bytes = ue_answer_doc_to_bytes (doc);
  again = ue_answer_doc_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "big2.xml", &error);
  g_assert_no_error (error);
  t1 = g_get_monotonic_time ();
  rss_after = peak_rss_kb ();
  g_test_message ("%d MB: %u components; load %.1f s, save %.1f s, edit %.1f s, all with reload %.1f s; "
                  "peak RSS %zu MB (+%zu MB)", TARGET_MB, i, (t_load - t0) / 1e6, (t_save - t_load) / 1e6, t_edit / 1e6,
                  (t1 - t0) / 1e6, rss_after / 1024, (rss_after - rss_before) / 1024);
  /* two documents and their bytes: memory stays a small multiple of the file (ASan's
   * shadow memory and quarantine are no measure of that) */
#if !defined(__SANITIZE_ADDRESS__)
  g_assert_cmpuint ((rss_after - rss_before) / 1024, <, TARGET_MB * 40);
#endif
}

/* password elements of shapes no tool writes: Hide Sensitive Data leaves them alone */
static void
test_odd_password_shapes (void)
{
  const char *text = ROOT_OPEN "<settings pass=\"oobeSystem\"><component name=\"Microsoft-Windows-Shell-Setup\">"
                     "<UserAccounts><AdministratorPassword><Value>secret</Value><PlainText><x/></PlainText>"
                     "</AdministratorPassword><LocalAccounts><LocalAccount><Password><Value><v/></Value>"
                     "</Password></LocalAccount></LocalAccounts></UserAccounts></component></settings></unattend>";
  g_autoptr(GError) error = NULL;
  g_autoptr(UeAnswerDoc) doc = ue_answer_doc_new_from_data (text, strlen (text), "odd.xml", &error);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (ue_answer_doc_hide_passwords (doc), ==, 0);
  bytes = ue_answer_doc_to_bytes (doc);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), text, strlen (text));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/hostile/entities", test_entities);
  g_test_add_func ("/core/hostile/xinclude-not-followed", test_xinclude_not_followed);
  g_test_add_func ("/core/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/core/hostile/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/core/hostile/nul-bytes", test_nul_bytes);
  g_test_add_func ("/core/hostile/utf16-save", test_utf16_save);
  g_test_add_func ("/core/hostile/odd-password-shapes", test_odd_password_shapes);
  g_test_add_func ("/core/hostile/50mb", test_50mb);
  return g_test_run ();
}
