/* fuzz-catalog-file.c — libFuzzer target: loading a catalog file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fuzz-corpus: tests/fuzz/seeds-catalog
 *
 * The header's checksum stops almost every mutation before the payload is read, so
 * half the inputs are used as they are, and half as a payload behind a correct header
 * (the first byte chooses). A catalog that loads is saved and must load again.
 */
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz-common.h"
#include "core/catalog-file.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *in_path;
static char *out_path;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autofree char *dir = NULL;

  fuzz_init_logging ();
  /* in memory when possible: a disk would make every run wait for it */
  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && g_access ("/dev/shm", W_OK) == 0)
    dir = g_mkdtemp (g_strdup ("/dev/shm/ue-fuzz-catalog-XXXXXX"));
  if (dir == NULL)
    dir = g_dir_make_tmp ("ue-fuzz-catalog-XXXXXX", NULL);
  in_path = g_build_filename (dir, "in.catalog", NULL);
  out_path = g_build_filename (dir, "out.catalog", NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UeCatalog) catalog = NULL;
  g_autoptr(UeCatalog) again = NULL;
  g_autofree guint8 *file = NULL;
  gsize file_len;

  if (size < 1 || size > 256 * 1024)
    return -1;
  if (data[0] & 1)
    {
      /* a payload behind a header that fits it */
      guint32 version = GUINT32_TO_LE (UE_CATALOG_FILE_VERSION);
      guint64 len = GUINT64_TO_LE ((guint64) size - 1), sum;

      file_len = 32 + size - 1;
      file = g_malloc0 (file_len);
      memcpy (file, "UECATLG\n", 8);
      memcpy (file + 8, &version, 4);
      memcpy (file + 16, &len, 8);
      memcpy (file + 32, data + 1, size - 1);
      sum = GUINT64_TO_LE (ue_catalog_file_checksum (file + 32, size - 1));
      memcpy (file + 24, &sum, 8);
    }
  else
    {
      file_len = size - 1;
      file = g_memdup2 (data + 1, file_len);
    }
  if (!g_file_set_contents_full (in_path, (const char *) file, file_len, G_FILE_SET_CONTENTS_NONE, 0600, NULL))
    abort ();
  catalog = ue_catalog_file_load (in_path, &error);
  if (catalog == NULL)
    {
      fuzz_check_error (error);
      return 0;
    }
  /* what was loaded can be written and read back */
  if (!ue_catalog_file_save (catalog, out_path, &error))
    {
      g_printerr ("save failed: %s\n", error->message);
      abort ();
    }
  again = ue_catalog_file_load (out_path, &error);
  if (again == NULL)
    {
      g_printerr ("reload failed: %s\n", error->message);
      abort ();
    }
  if (ue_catalog_get_components (again)->len != ue_catalog_get_components (catalog)->len ||
      ue_catalog_get_packages (again)->len != ue_catalog_get_packages (catalog)->len)
    abort ();
  return 0;
}
