/* test-wim-dcm.c — catalogs of images whose manifests are compressed (Windows 8 and later)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test writes an image with libwim: the seven real compressed manifests of
 * ../shared/test-vectors/dcm, a plain manifest with settings and some without, and a
 * wcp.dll written by dcm-test-util.c carrying the real base as resource 614/1.
 */
#include <string.h>
#include <wimlib.h>

#include "core/pe-resource.h"
#include "core/wim-source.h"
#include "dcm-test-util.h"

#define IE_ESC "amd64_microsoft-windows-ie-esc_31bf3856ad364e35_8.0.6001.18000_none_1111111111111111.manifest"
#define N_COMPRESSED 7
#define N_PLAIN 20

typedef enum
{
  WCP_SYSTEM32,          /* Windows/System32/wcp.dll */
  WCP_SERVICING_STACK,   /* only in WinSxS: a newer stack with it, an older one without */
  WCP_NONE,
  WCP_WITHOUT_RESOURCE,
} WcpPlace;

typedef struct
{
  WcpPlace  wcp;
  gboolean  solid;       /* an ESD-like solid LZMS resource */
  gboolean  truncate;    /* one compressed manifest cut short */
} Shape;

typedef UeTestDcmFixture Fixture;

static GBytes *
read_bytes (const char *path)
{
  char *data;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_bytes_new_take (data, len);
}

static void
write_bytes (const char *dir, const char *name, GBytes *bytes)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
}

static void
write_wcp (const char *root, const char *folder, GBytes *base, UeTestPeShape shape)
{
  g_autofree char *dir = g_build_filename (root, folder, NULL);
  g_autoptr(GBytes) dll = ue_test_pe_build (UE_TEST_PE_32_PLUS, shape, UE_PE_MANIFEST_BASE_TYPE,
                                            UE_PE_MANIFEST_BASE_ID, base);

  write_bytes (dir, "wcp.dll", dll);
}

static char *
make_image (Fixture *f, const Shape *shape)
{
  g_autofree char *root = g_build_filename (f->tmp, "tree", NULL);
  g_autofree char *manifests = g_build_filename (root, "Windows", "WinSxS", "Manifests", NULL);
  g_autofree char *base_path = g_build_filename (f->vectors, "base_manifest.bin", NULL);
  g_autofree char *ie_esc = g_build_filename (g_getenv ("UE_TEST_DATA"), "manifests", IE_ESC, NULL);
  g_autoptr(GBytes) base = read_bytes (base_path);
  g_autoptr(GBytes) plain = read_bytes (ie_esc);
  g_autoptr(GDir) dir = g_dir_open (f->vectors, 0, NULL);
  char *wim_path = g_build_filename (f->tmp, shape->solid ? "test.esd" : "test.wim", NULL);
  WIMStruct *wim = NULL;
  const char *name;
  gboolean cut = FALSE;

  /* the real compressed manifests, one cut in half when asked */
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".manifest"))
      {
        g_autofree char *path = g_build_filename (f->vectors, name, NULL);
        g_autoptr(GBytes) data = read_bytes (path);

        if (shape->truncate && !cut && g_bytes_get_size (data) > 1000)
          {
            GBytes *half = g_bytes_new_from_bytes (data, 0, g_bytes_get_size (data) / 2);
            g_bytes_unref (data);
            data = half;
            cut = TRUE;
          }
        write_bytes (manifests, name, data);
      }
  write_bytes (manifests, IE_ESC, plain);
  for (guint i = 0; i < N_PLAIN; i++)
    {
      g_autofree char *file = g_strdup_printf ("x86_plain-%02u_31bf3856ad364e35_1.0.0.0_none_0.manifest", i);
      g_autofree char *text = g_strdup_printf ("<assembly xmlns='urn:schemas-microsoft-com:asm.v3'>"
                                               "<assemblyIdentity name='Plain-%u' processorArchitecture='x86'/>"
                                               "</assembly>", i);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      write_bytes (manifests, file, bytes);
    }

  switch (shape->wcp)
    {
    case WCP_SYSTEM32:
      write_wcp (root, "Windows/System32", base, UE_TEST_PE_WITH_RESOURCE);
      break;
    case WCP_SERVICING_STACK:
      write_wcp (root, "Windows/WinSxS/amd64_microsoft-windows-servicingstack_31bf3856ad364e35_10.0.26100.2000_none_aaaaaaaaaaaaaaaa",
                 base, UE_TEST_PE_WITH_RESOURCE);
      write_wcp (root, "Windows/WinSxS/amd64_microsoft-windows-servicingstack_31bf3856ad364e35_10.0.26100.300_none_bbbbbbbbbbbbbbbb",
                 base, UE_TEST_PE_OTHER_TYPES_ONLY);
      break;
    case WCP_WITHOUT_RESOURCE:
      write_wcp (root, "Windows/System32", base, UE_TEST_PE_OTHER_TYPES_ONLY);
      break;
    case WCP_NONE:
      break;
    }

  g_assert_cmpint (wimlib_create_new_wim (shape->solid ? WIMLIB_COMPRESSION_TYPE_LZMS
                                                       : WIMLIB_COMPRESSION_TYPE_LZX, &wim), ==, 0);
  g_assert_cmpint (wimlib_add_image (wim, root, "Server 2025 Test", NULL, 0), ==, 0);
  g_assert_cmpint (wimlib_write (wim, wim_path, WIMLIB_ALL_IMAGES,
                                 shape->solid ? WIMLIB_WRITE_FLAG_SOLID : 0, 1), ==, 0);
  wimlib_free (wim);
  return wim_path;
}

static UeCatalog *
build (Fixture *f, const Shape *shape)
{
  g_autofree char *path = make_image (f, shape);
  g_autoptr(GError) error = NULL;
  UeCatalog *catalog = ue_wim_source_build_catalog (path, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  /* plain manifests are read whatever happened to the compressed ones */
  g_assert_nonnull (ue_catalog_find_component (catalog, "Microsoft-Windows-IE-ESC", "amd64"));
  g_assert_cmpuint (ue_catalog_get_source (catalog)->manifests, ==, N_COMPRESSED + 1 + N_PLAIN);
  g_assert_cmpuint (ue_catalog_get_source (catalog)->compressed, ==, N_COMPRESSED);
  return catalog;
}

typedef struct
{
  const char *path;
  Shape       shape;
  guint       decoded;
  guint       failed;
} Case;

static const Case cases[] = {
  { "/core/wim-dcm/decoded", { WCP_SYSTEM32, FALSE, FALSE }, N_COMPRESSED, 0 },
  { "/core/wim-dcm/decoded-solid", { WCP_SYSTEM32, TRUE, FALSE }, N_COMPRESSED, 0 },
  { "/core/wim-dcm/servicing-stack", { WCP_SERVICING_STACK, FALSE, FALSE }, N_COMPRESSED, 0 },
  /* not decoded, but not damaged either: they stay counted as compressed */
  { "/core/wim-dcm/no-wcp", { WCP_NONE, FALSE, FALSE }, 0, 0 },
  { "/core/wim-dcm/wcp-without-resource", { WCP_WITHOUT_RESOURCE, FALSE, FALSE }, 0, 0 },
  { "/core/wim-dcm/truncated", { WCP_SYSTEM32, FALSE, TRUE }, N_COMPRESSED - 1, 1 },
};

static void
test_counts (Fixture *f, gconstpointer data)
{
  const Case *c = data;
  g_autoptr(UeCatalog) catalog = NULL;
  const UeCatalogSource *src;

  if (f->vectors == NULL)
    {
      g_test_skip ("../shared/test-vectors/dcm is absent");
      return;
    }
  catalog = build (f, &c->shape);
  src = ue_catalog_get_source (catalog);
  g_assert_cmpuint (src->decoded, ==, c->decoded);
  g_assert_cmpuint (src->failed, ==, c->failed);
  /* the one real manifest with a configuration schema made it through the filter */
  if (c->decoded == N_COMPRESSED)
    g_assert_nonnull (ue_catalog_find_component (catalog, "Microsoft-Windows-Network-Security", "amd64"));
  else if (c->decoded == 0)
    g_assert_null (ue_catalog_find_component (catalog, "Microsoft-Windows-Network-Security", "amd64"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add (cases[i].path, Fixture, &cases[i], ue_test_dcm_fixture_set_up, test_counts,
                ue_test_dcm_fixture_tear_down);
  return g_test_run ();
}
