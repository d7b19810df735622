/* test-pe-resource.c — finding resource 614/1 in PE32 and PE32+ files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE   /* memmem */
#include <string.h>

#include "core/pa30.h"
#include "core/pe-resource.h"
#include "dcm-test-util.h"

static GBytes *
pattern_blob (gsize len)
{
  guint8 *p = g_malloc (len);

  for (gsize i = 0; i < len; i++)
    p[i] = (guint8) (i * 7 + (i >> 8));
  return g_bytes_new_take (p, len);
}

static void
check_finds_blob (UeTestPeKind kind)
{
  g_autoptr(GBytes) blob = pattern_blob (9066);
  g_autoptr(GBytes) pe = ue_test_pe_build (kind, UE_TEST_PE_WITH_RESOURCE,
                                           UE_PE_MANIFEST_BASE_TYPE, UE_PE_MANIFEST_BASE_ID, blob);
  g_autoptr(GBytes) found = NULL;
  g_autoptr(GBytes) other = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ue_pe_is_pe (g_bytes_get_data (pe, NULL), g_bytes_get_size (pe)));
  found = ue_pe_find_resource (pe, UE_PE_MANIFEST_BASE_TYPE, UE_PE_MANIFEST_BASE_ID, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (found, blob));

  /* the other resource of the same file, through a different branch of the tree */
  other = ue_pe_find_resource (pe, 16, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (other, NULL), g_bytes_get_size (other), "VERS", 4);
}

static void
test_pe32 (void)
{
  check_finds_blob (UE_TEST_PE_32);
}

static void
test_pe32_plus (void)
{
  check_finds_blob (UE_TEST_PE_32_PLUS);
}

static void
test_missing (void)
{
  g_autoptr(GBytes) blob = pattern_blob (100);
  struct { UeTestPeShape shape; guint type, id; int code; } cases[] = {
    { UE_TEST_PE_OTHER_TYPES_ONLY, 614, 1, UE_PE_ERROR_NOT_FOUND },
    { UE_TEST_PE_WITH_RESOURCE, 614, 2, UE_PE_ERROR_NOT_FOUND },
    { UE_TEST_PE_WITH_RESOURCE, 615, 1, UE_PE_ERROR_NOT_FOUND },
    { UE_TEST_PE_NO_RESOURCE_DIR, 614, 1, UE_PE_ERROR_NO_RESOURCES },
    { UE_TEST_PE_DATA_OUTSIDE, 614, 1, UE_PE_ERROR_MALFORMED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (UeTestPeKind kind = UE_TEST_PE_32; kind <= UE_TEST_PE_32_PLUS; kind++)
      {
        g_autoptr(GBytes) pe = ue_test_pe_build (kind, cases[i].shape, 614, 1, blob);
        g_autoptr(GError) error = NULL;
        g_autoptr(GBytes) found = ue_pe_find_resource (pe, cases[i].type, cases[i].id, &error);

        g_assert_null (found);
        g_assert_error (error, UE_PE_ERROR, cases[i].code);
        g_assert_cmpstr (error->message, !=, "");
      }
}

static void
test_garbage (void)
{
  g_autoptr(GBytes) blob = pattern_blob (300);
  g_autoptr(GBytes) pe = ue_test_pe_build (UE_TEST_PE_32_PLUS, UE_TEST_PE_WITH_RESOURCE, 614, 1, blob);
  const guint8 *data = g_bytes_get_data (pe, NULL);
  gsize len = g_bytes_get_size (pe);
  g_autoptr(GRand) rand = g_rand_new_with_seed (614);
  gsize blob_end;
  const char *texts[] = { "", "MZ", "<?xml version=\"1.0\"?><assembly/>", "PE\0\0" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (texts[i], strlen (texts[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) found = ue_pe_find_resource (bytes, 614, 1, &error);

      g_assert_null (found);
      g_assert_error (error, UE_PE_ERROR, UE_PE_ERROR_NOT_PE);
    }

  /* every cut before the blob's end fails cleanly (its size field is checked);
   * one in the section's padding after it still finds it */
  blob_end = (const guint8 *) memmem (data, len, g_bytes_get_data (blob, NULL), 300) - data + 300;
  for (gsize cut = 0; cut < len; cut++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (data, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) found = ue_pe_find_resource (bytes, 614, 1, &error);

      if (cut < blob_end)
        {
          g_assert_null (found);
          g_assert_nonnull (error);
        }
      else
        g_assert_true (g_bytes_equal (found, blob));
    }

  /* random damage to the headers and the tree: an error or some bytes, never a crash
   * (the sanitizer build checks the reads) */
  for (guint round = 0; round < 20000; round++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, len);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) found = NULL;

      for (guint k = 0; k < 1 + round % 4; k++)
        copy[g_rand_int_range (rand, 0, 0x200 + 200)] = g_rand_int (rand);
      bytes = g_bytes_new_static (copy, len);
      found = ue_pe_find_resource (bytes, 614, 1, &error);
      g_assert_true ((found == NULL) != (error == NULL));
      if (found != NULL)
        g_assert_cmpuint (g_bytes_get_size (found), <=, len);
    }
}

/* the whole chain: a wcp.dll carrying the real base decodes a real manifest */
static void
test_real_base (void)
{
  const char *shared = g_getenv ("UE_SHARED_DIR");
  g_autofree char *dir = g_build_filename (shared ? shared : "../shared", "test-vectors", "dcm", NULL);
  g_autofree char *base_path = g_build_filename (dir, "base_manifest.bin", NULL);
  g_autofree char *manifest_path = g_build_filename (dir, "amd64_microsoft-windows-core_31bf3856ad364e35_10.0.26100.1_none_a943f5e781a44c5c.manifest", NULL);
  g_autofree char *base_data = NULL, *manifest = NULL, *md5 = NULL;
  gsize base_len, manifest_len;
  g_autoptr(GBytes) base = NULL, pe = NULL, found = NULL, xml = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (base_path, &base_data, &base_len, NULL)
      || !g_file_get_contents (manifest_path, &manifest, &manifest_len, NULL))
    {
      g_test_skip ("../shared/test-vectors/dcm is absent");
      return;
    }
  base = g_bytes_new_take (g_steal_pointer (&base_data), base_len);
  pe = ue_test_pe_build (UE_TEST_PE_32_PLUS, UE_TEST_PE_WITH_RESOURCE, 614, 1, base);
  found = ue_pe_find_resource (pe, UE_PE_MANIFEST_BASE_TYPE, UE_PE_MANIFEST_BASE_ID, &error);
  g_assert_no_error (error);
  xml = ue_dcm_decode (found, (const guint8 *) manifest, manifest_len, &error);
  g_assert_no_error (error);
  md5 = g_compute_checksum_for_bytes (G_CHECKSUM_MD5, xml);
  /* README of the test vectors: 415 bytes, MD5 05CE391B… */
  g_assert_cmpuint (g_bytes_get_size (xml), ==, 415);
  g_assert_cmpstr (md5, ==, "05ce391bcd42cc29c917f242af7eefc8");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/pe-resource/pe32", test_pe32);
  g_test_add_func ("/core/pe-resource/pe32-plus", test_pe32_plus);
  g_test_add_func ("/core/pe-resource/missing", test_missing);
  g_test_add_func ("/core/pe-resource/garbage", test_garbage);
  g_test_add_func ("/core/pe-resource/real-base", test_real_base);
  return g_test_run ();
}
