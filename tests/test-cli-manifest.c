/* test-cli-manifest.c — unattend-tool manifest FILE [--base WCP.DLL|BLOB]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <string.h>

#include "dcm-test-util.h"

#define CORE_MANIFEST "amd64_microsoft-windows-core_31bf3856ad364e35_10.0.26100.1_none_a943f5e781a44c5c.manifest"
#define SECURITY_MANIFEST "amd64_microsoft-windows-network-security_31bf3856ad364e35_10.0.26100.1591_none_68e46b0fda91af4d.manifest"

typedef UeTestDcmFixture Fixture;

static gboolean
need_vectors (Fixture *f)
{
  if (f->vectors == NULL)
    g_test_skip ("../shared/test-vectors/dcm is absent");
  return f->vectors != NULL;
}

/* runs unattend-tool manifest ARGS; returns its exit status */
static int
run_tool (GBytes **out, char **err, const char *first, ...)
{
  const char *tool = g_getenv ("UE_TOOL");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = -1;
  va_list ap;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) out_bytes = NULL, err_bytes = NULL;

  g_assert_nonnull (tool);
  g_ptr_array_add (argv, (char *) tool);
  g_ptr_array_add (argv, "manifest");
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, &out_bytes, &err_bytes, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  status = g_subprocess_get_exit_status (proc);
  if (out != NULL)
    *out = g_steal_pointer (&out_bytes);
  if (err != NULL)
    *err = g_strndup (g_bytes_get_data (err_bytes, NULL), g_bytes_get_size (err_bytes));
  return status;
}

static char *
write_tmp (Fixture *f, const char *name, GBytes *bytes)
{
  char *path = g_build_filename (f->tmp, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_md5 (GBytes *bytes, gsize size, const char *md5)
{
  g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_MD5, bytes);

  g_assert_cmpuint (g_bytes_get_size (bytes), ==, size);
  g_assert_cmpstr (sum, ==, md5);
}

static void
test_plain (Fixture *f, gconstpointer data)
{
  const char *xml = "\xef\xbb\xbf<?xml version=\"1.0\"?>\r\n<assembly xmlns=\"urn:schemas-microsoft-com:asm.v3\"/>\r\n";
  g_autoptr(GBytes) in = g_bytes_new_static (xml, strlen (xml));
  g_autofree char *path = write_tmp (f, "plain.manifest", in);
  g_autoptr(GBytes) out = NULL;

  g_assert_cmpint (run_tool (&out, NULL, path, NULL), ==, 0);
  g_assert_true (g_bytes_equal (in, out));
}

static void
test_blob_base (Fixture *f, gconstpointer data)
{
  g_autofree char *base = NULL, *core = NULL, *security = NULL;
  g_autoptr(GBytes) out = NULL;

  if (!need_vectors (f))
    return;
  base = g_build_filename (f->vectors, "base_manifest.bin", NULL);
  core = g_build_filename (f->vectors, CORE_MANIFEST, NULL);
  security = g_build_filename (f->vectors, SECURITY_MANIFEST, NULL);
  g_assert_cmpint (run_tool (&out, NULL, core, "--base", base, NULL), ==, 0);
  assert_md5 (out, 415, "05ce391bcd42cc29c917f242af7eefc8");
  g_clear_pointer (&out, g_bytes_unref);
  g_assert_cmpint (run_tool (&out, NULL, "--base", base, security, NULL), ==, 0);
  assert_md5 (out, 96246, "5f8671540358c1b95b2ad263bfab7008");
}

static void
test_pe_base (Fixture *f, gconstpointer data)
{
  g_autofree char *base_path = NULL, *security = NULL, *dll = NULL, *contents = NULL;
  g_autoptr(GBytes) base = NULL, pe = NULL, out = NULL;
  gsize len;

  if (!need_vectors (f))
    return;
  base_path = g_build_filename (f->vectors, "base_manifest.bin", NULL);
  security = g_build_filename (f->vectors, SECURITY_MANIFEST, NULL);
  g_assert_true (g_file_get_contents (base_path, &contents, &len, NULL));
  base = g_bytes_new_take (g_steal_pointer (&contents), len);
  for (UeTestPeKind kind = UE_TEST_PE_32; kind <= UE_TEST_PE_32_PLUS; kind++)
    {
      pe = ue_test_pe_build (kind, UE_TEST_PE_WITH_RESOURCE, 614, 1, base);
      dll = write_tmp (f, "wcp.dll", pe);
      g_assert_cmpint (run_tool (&out, NULL, security, "--base", dll, NULL), ==, 0);
      assert_md5 (out, 96246, "5f8671540358c1b95b2ad263bfab7008");
      g_clear_pointer (&out, g_bytes_unref);
      g_clear_pointer (&pe, g_bytes_unref);
      g_clear_pointer (&dll, g_free);
    }
}

static void
test_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *core = NULL, *err = NULL, *dll = NULL, *junk = NULL, *missing = NULL;
  g_autoptr(GBytes) blob = g_bytes_new_static ("0123456789abcdef", 16);
  g_autoptr(GBytes) pe = ue_test_pe_build (UE_TEST_PE_32_PLUS, UE_TEST_PE_OTHER_TYPES_ONLY, 614, 1, blob);
  g_autoptr(GBytes) out = NULL;

  missing = g_build_filename (f->tmp, "missing.manifest", NULL);
  g_assert_cmpint (run_tool (NULL, &err, missing, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "missing.manifest: error: "));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tool (NULL, &err, NULL), ==, 2);
  g_clear_pointer (&err, g_free);

  if (!need_vectors (f))
    return;
  core = g_build_filename (f->vectors, CORE_MANIFEST, NULL);

  /* compressed, no base */
  g_assert_cmpint (run_tool (&out, &err, core, NULL), ==, 2);
  g_assert_cmpuint (g_bytes_get_size (out), ==, 0);
  g_assert_nonnull (strstr (err, CORE_MANIFEST ": error: "));
  g_assert_nonnull (strstr (err, "--base"));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_bytes_unref);

  /* a wcp.dll without the resource */
  dll = write_tmp (f, "wcp.dll", pe);
  g_assert_cmpint (run_tool (&out, &err, core, "--base", dll, NULL), ==, 2);
  g_assert_cmpuint (g_bytes_get_size (out), ==, 0);
  g_assert_nonnull (strstr (err, "wcp.dll: error: "));
  g_assert_nonnull (strstr (err, "614/1"));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_bytes_unref);

  /* a wrong blob decodes to garbage: refused, nothing printed */
  junk = write_tmp (f, "junk.bin", blob);
  g_assert_cmpint (run_tool (&out, &err, core, "--base", junk, NULL), ==, 2);
  g_assert_cmpuint (g_bytes_get_size (out), ==, 0);
  g_assert_nonnull (strstr (err, ": error: "));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, ue_test_dcm_fixture_set_up, func, ue_test_dcm_fixture_tear_down)
  ADD ("/cli/manifest/plain", test_plain);
  ADD ("/cli/manifest/blob-base", test_blob_base);
  ADD ("/cli/manifest/pe-base", test_pe_base);
  ADD ("/cli/manifest/errors", test_errors);
#undef ADD
  return g_test_run ();
}
