/* dcm-test-util.c — for tests on compressed manifests: PE files, the vectors, temp trees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PE layout: DOS header, PE header at 0x80, one ".rsrc" section at file offset 0x200
 * mapped at RVA 0x1000. Resource tree: root -> {16, type_id} -> id -> language ->
 * data entry; the name level of type_id also has a named entry the reader must skip.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "dcm-test-util.h"

#define PE_OFFSET     0x80
#define SECTION_FILE  0x200
#define SECTION_RVA   0x1000

static void
put16 (guint8 *p, guint v)
{
  p[0] = v & 0xff;
  p[1] = (v >> 8) & 0xff;
}

static void
put32 (guint8 *p, guint32 v)
{
  put16 (p, v & 0xffff);
  put16 (p + 2, v >> 16);
}

/* a directory with n_named named entries first, then id entries */
static void
put_dir (guint8 *p, guint n_named, guint n_ids)
{
  put16 (p + 12, n_named);
  put16 (p + 14, n_ids);
}

static void
put_entry (guint8 *dir, guint index, guint32 name, guint32 target, gboolean subdir)
{
  guint8 *e = dir + 16 + index * 8;

  put32 (e, name);
  put32 (e + 4, subdir ? (target | 0x80000000u) : target);
}

GBytes *
ue_test_pe_build (UeTestPeKind   kind,
                  UeTestPeShape  shape,
                  guint          type_id,
                  guint          name_id,
                  GBytes        *blob)
{
  gsize blob_len = g_bytes_get_size (blob);
  /* resource section layout (offsets inside it) */
  const guint root = 0, type16 = 32, lang16 = 56, entry16 = 80;
  const guint typex = 96, langx = 128, entryx = 152, name_str = 168;
  const guint data16 = 184, datax = 192;
  gsize rsrc_size = datax + blob_len;
  gsize raw_size = (rsrc_size + 0x1ff) & ~(gsize) 0x1ff;
  gboolean plus = kind == UE_TEST_PE_32_PLUS;
  guint opt_size = plus ? 240 : 224;
  guint dirs = plus ? 112 : 96;
  guint8 *f = g_malloc0 (SECTION_FILE + raw_size);
  guint8 *opt = f + PE_OFFSET + 24;
  guint8 *sec = opt + opt_size;
  guint8 *r = f + SECTION_FILE;
  gboolean with_x = shape != UE_TEST_PE_OTHER_TYPES_ONLY;

  /* DOS and PE headers */
  f[0] = 'M';
  f[1] = 'Z';
  put32 (f + 0x3c, PE_OFFSET);
  memcpy (f + PE_OFFSET, "PE\0\0", 4);
  put16 (f + PE_OFFSET + 4, plus ? 0x8664 : 0x14c);
  put16 (f + PE_OFFSET + 6, 1);
  put16 (f + PE_OFFSET + 20, opt_size);
  put16 (f + PE_OFFSET + 22, 0x2102);
  put16 (opt, plus ? 0x20b : 0x10b);
  put32 (opt + dirs - 4, 16);
  if (shape != UE_TEST_PE_NO_RESOURCE_DIR)
    {
      put32 (opt + dirs + 2 * 8, SECTION_RVA);
      put32 (opt + dirs + 2 * 8 + 4, rsrc_size);
    }
  memcpy (sec, ".rsrc", 5);
  put32 (sec + 8, rsrc_size);
  put32 (sec + 12, SECTION_RVA);
  put32 (sec + 16, raw_size);
  put32 (sec + 20, SECTION_FILE);

  /* root: type 16 and (unless left out) type_id */
  put_dir (r + root, 0, with_x ? 2 : 1);
  put_entry (r + root, 0, 16, type16, TRUE);
  if (with_x)
    put_entry (r + root, 1, type_id, typex, TRUE);

  put_dir (r + type16, 0, 1);
  put_entry (r + type16, 0, 1, lang16, TRUE);
  put_dir (r + lang16, 0, 1);
  put_entry (r + lang16, 0, 1033, entry16, FALSE);
  put32 (r + entry16, SECTION_RVA + data16);
  put32 (r + entry16 + 4, 4);
  memcpy (r + data16, "VERS", 4);

  /* a named entry first (pointing at the type 16 tree), then the id */
  put_dir (r + typex, 1, 1);
  put_entry (r + typex, 0, 0x80000000u | name_str, lang16, TRUE);
  put_entry (r + typex, 1, name_id, langx, TRUE);
  put16 (r + name_str, 3);
  memcpy (r + name_str + 2, "B\0I\0N\0", 6);
  put_dir (r + langx, 0, 1);
  put_entry (r + langx, 0, 1033, entryx, FALSE);
  put32 (r + entryx, SECTION_RVA + (shape == UE_TEST_PE_DATA_OUTSIDE ? raw_size - 8 : datax));
  put32 (r + entryx + 4, blob_len);
  if (blob_len > 0)
    memcpy (r + datax, g_bytes_get_data (blob, NULL), blob_len);

  return g_bytes_new_take (f, SECTION_FILE + raw_size);
}

char *
ue_test_dcm_dir (void)
{
  const char *shared = g_getenv ("UE_SHARED_DIR");
  g_autofree char *dir = g_build_filename (shared ? shared : "../shared", "test-vectors", "dcm", NULL);
  g_autofree char *base = g_build_filename (dir, "base_manifest.bin", NULL);

  return g_file_test (base, G_FILE_TEST_EXISTS) ? g_steal_pointer (&dir) : NULL;
}

void
ue_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        ue_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
ue_test_dcm_fixture_set_up (UeTestDcmFixture *f,
                            gconstpointer     data)
{
  f->tmp = g_dir_make_tmp ("ue-dcm-test-XXXXXX", NULL);
  g_assert_nonnull (f->tmp);
  f->vectors = ue_test_dcm_dir ();
}

void
ue_test_dcm_fixture_tear_down (UeTestDcmFixture *f,
                               gconstpointer     data)
{
  ue_test_remove_tree (f->tmp);
  g_free (f->tmp);
  g_free (f->vectors);
}
