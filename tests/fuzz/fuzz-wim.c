/* fuzz-wim.c — libFuzzer target: image listing and catalog build on a mutated WIM/ESD
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fuzz-corpus: tests/fuzz/seeds-wim
 * fuzz-args: -malloc_limit_mb=65536
 *
 * Seeds: a small XPRESS WIM and a solid LZMS ESD with a few manifests under
 * Windows/WinSxS/Manifests. The bytes go to a file (libwim reads files); listing and
 * building give a result or a UE_WIM_ERROR with a message, never a crash. libwim itself
 * asks malloc for any size a damaged image claims (12 GB seen; untouched, so harmless
 * with overcommit): libFuzzer's malloc limit is raised, ASan refuses such blocks.
 * libwim's own large blocks come from mmap (see wim_malloc).
 */
#include <glib/gstdio.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <wimlib.h>

#include "fuzz-common.h"
#include "core/wim-source.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
const char *__asan_default_options (void);

/* libwim asks malloc for whatever size a damaged image claims and handles NULL. glibc
 * hands out such blocks lazily; ASan maps shadow memory for them (2 GB of RSS for a
 * 16 GB block) or aborts: above 1 GB it returns NULL here, and libwim's error path runs */
const char *
__asan_default_options (void)
{
  return "allocator_may_return_null=1:max_allocation_size_mb=1024";
}

static char *path;

/* libwim is not built with ASan, so nothing checks its accesses to its own buffers,
 * yet ASan poisons and unpoisons the shadow of every block it gets from malloc: the
 * 64 MB chunk buffers of an ESD whose header claims 64 MB chunks, and the 3 MB LZMS
 * decompressor made for each image, cost most of a run.
 * Its blocks from BIG_BLOCK up are mapped directly (up to the same 1 GB limit as ASan's
 * below; above it NULL, which libwim handles). libwim hands these functions to libxml2
 * as well: blocks that libxml2 or libwim got from malloc earlier are freed by free.
 * A few freed blocks are kept for the next run's blocks of the same size: unmapping
 * makes the kernel flush the other core's TLB each time. */
#define BIG_BLOCK ((gsize) 1 << 20)
#define MAX_BLOCK ((gsize) 1 << 30)
#define MAX_KEPT_BLOCK ((gsize) 64 << 20)
static GHashTable *big_blocks;   /* address -> size */
static struct { void *p; gsize size; } kept[4];
G_LOCK_DEFINE_STATIC (big_blocks);

static void *
wim_malloc (size_t size)
{
  void *p = NULL;

  if (size < BIG_BLOCK)
    return malloc (size);
  if (size > MAX_BLOCK)
    return NULL;
  G_LOCK (big_blocks);
  for (guint i = 0; i < G_N_ELEMENTS (kept) && p == NULL; i++)
    if (kept[i].p != NULL && kept[i].size == size)
      {
        p = kept[i].p;
        kept[i].p = NULL;
      }
  G_UNLOCK (big_blocks);
  if (p == NULL)
    p = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED)
    return NULL;
  G_LOCK (big_blocks);
  g_hash_table_insert (big_blocks, p, GSIZE_TO_POINTER (size));
  G_UNLOCK (big_blocks);
  return p;
}

static gsize
big_block_size (void     *p,
                gboolean  remove)
{
  gpointer size = NULL;

  G_LOCK (big_blocks);
  if (g_hash_table_lookup_extended (big_blocks, p, NULL, &size) && remove)
    g_hash_table_remove (big_blocks, p);
  G_UNLOCK (big_blocks);
  return GPOINTER_TO_SIZE (size);
}

static void
wim_free (void *p)
{
  gsize size = p != NULL ? big_block_size (p, TRUE) : 0;

  if (size == 0)
    {
      free (p);
      return;
    }
  G_LOCK (big_blocks);
  for (guint i = 0; i < G_N_ELEMENTS (kept) && p != NULL && size <= MAX_KEPT_BLOCK; i++)
    if (kept[i].p == NULL)
      {
        kept[i].p = p;
        kept[i].size = size;
        p = NULL;
      }
  G_UNLOCK (big_blocks);
  if (p != NULL)
    munmap (p, size);
}

static void *
wim_realloc (void  *p,
             size_t size)
{
  gsize old_size = p != NULL ? big_block_size (p, FALSE) : 0;
  void *q;

  if (p == NULL)
    return wim_malloc (size);
  if (old_size == 0 && size < BIG_BLOCK)
    return realloc (p, size);
  q = wim_malloc (size);
  if (q == NULL)
    return NULL;
  memcpy (q, p, MIN (size, old_size > 0 ? old_size : malloc_usable_size (p)));
  wim_free (p);
  return q;
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autofree char *dir = NULL;

  fuzz_init_logging ();
  big_blocks = g_hash_table_new (NULL, NULL);
  wimlib_set_memory_allocator (wim_malloc, wim_free, wim_realloc);
  /* in memory when possible: a disk would make every run wait for it */
  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && g_access ("/dev/shm", W_OK) == 0)
    dir = g_mkdtemp (g_strdup ("/dev/shm/ue-fuzz-wim-XXXXXX"));
  if (dir == NULL)
    dir = g_dir_make_tmp ("ue-fuzz-wim-XXXXXX", NULL);
  path = g_build_filename (dir, "image.wim", NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(UeCatalog) catalog = NULL;
  g_autofree char *guid = NULL;

  if (size > 64 * 1024)
    return -1;
  if (!g_file_set_contents_full (path, (const char *) data, size, G_FILE_SET_CONTENTS_NONE, 0600, NULL))
    abort ();
  images = ue_wim_source_list_images (path, &guid, &error);
  if (images == NULL)
    {
      fuzz_check_error (error);
      return 0;
    }
  catalog = ue_wim_source_build_catalog (path, "1", NULL, NULL, NULL, &error);
  if (catalog == NULL)
    fuzz_check_error (error);
  return 0;
}
