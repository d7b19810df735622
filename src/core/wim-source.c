/* wim-source.c — images of a WIM/ESD and the catalog of one image (libwim)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Building a catalog: list the image's manifests and packages with
 * wimlib_iterate_dir_tree, read their data (wim-reader.c, or by extraction to a
 * temporary folder for pipable and split WIMs), skip the manifests without a
 * configuration schema with a byte scan, parse the rest. Of several versions of one
 * component (WinSxS keeps superseded ones), the highest wins.
 */
#define G_LOG_DOMAIN "ue-core"

#include "wim-source.h"
#include "wim-private.h"
#include "manifest-reader.h"
#include "pa30.h"
#include "pe-resource.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/xmlerror.h>
#include <stdio.h>
#include <string.h>
#include <wimlib.h>

G_DEFINE_QUARK (ue-wim-error-quark, ue_wim_error)

#define MANIFESTS_DIR "/Windows/WinSxS/Manifests"
#define PACKAGES_DIR  "/Windows/servicing/Packages"
#define WINSXS_DIR    "/Windows/WinSxS"
#define WCP_DLL       "/Windows/System32/wcp.dll"

void
ue_wim_image_free (UeWimImage *image)
{
  if (image == NULL)
    return;
  g_free (image->name);
  g_free (image->description);
  g_free (image->edition);
  g_free (image->arch);
  g_free (image->version);
  g_free (image->build);
  g_free (image);
}

static void
wim_init_once (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      /* Windows paths are case-insensitive; images spell "WinSxS" in more than one way */
      wimlib_global_init (WIMLIB_INIT_FLAG_DEFAULT_CASE_INSENSITIVE);
      g_once_init_leave (&done, 1);
    }
}

static void
set_wim_error (GError     **error,
               int          ret,
               const char  *path)
{
  const char *detail = wimlib_get_error_string (ret);

  switch (ret)
    {
    case WIMLIB_ERR_NOT_A_WIM_FILE:
    case WIMLIB_ERR_UNKNOWN_VERSION:
    case WIMLIB_ERR_INVALID_HEADER:
      g_set_error (error, UE_WIM_ERROR, UE_WIM_ERROR_NOT_A_WIM,
                   _("%s: error: not a WIM or ESD file"), path);
      break;
    case WIMLIB_ERR_READ:
    case WIMLIB_ERR_UNEXPECTED_END_OF_FILE:
    case WIMLIB_ERR_XML:
    case WIMLIB_ERR_INVALID_LOOKUP_TABLE_ENTRY:
    case WIMLIB_ERR_INVALID_METADATA_RESOURCE:
    case WIMLIB_ERR_INVALID_RESOURCE_HASH:
    case WIMLIB_ERR_INVALID_INTEGRITY_TABLE:
    case WIMLIB_ERR_INTEGRITY:
    case WIMLIB_ERR_DECOMPRESSION:
    case WIMLIB_ERR_INVALID_CHUNK_SIZE:
    case WIMLIB_ERR_INVALID_COMPRESSION_TYPE:
    case WIMLIB_ERR_IMAGE_COUNT:
    case WIMLIB_ERR_METADATA_NOT_FOUND:
    case WIMLIB_ERR_RESOURCE_NOT_FOUND:
      g_set_error (error, UE_WIM_ERROR, UE_WIM_ERROR_TRUNCATED,
                   _("%s: error: the image file is truncated or damaged (%s)"), path, detail);
      break;
    case WIMLIB_ERR_OPEN:
    case WIMLIB_ERR_STAT:
      g_set_error (error, UE_WIM_ERROR, UE_WIM_ERROR_FAILED,
                   _("%s: error: cannot open the file (%s)"), path, detail);
      break;
    default:
      g_set_error (error, UE_WIM_ERROR, UE_WIM_ERROR_FAILED, "%s: error: %s", path, detail);
      break;
    }
}

/* libwim reports a short foreign file as a truncated WIM: look at the magic first */
static gboolean
has_wim_magic (const char *path)
{
  char magic[8] = { 0 };
  FILE *f = g_fopen (path, "rb");
  gboolean ok;

  if (f == NULL)
    return TRUE;   /* let libwim report why it cannot be opened */
  ok = fread (magic, 1, sizeof magic, f) == sizeof magic &&
       (memcmp (magic, "MSWIM\0\0\0", 8) == 0 || memcmp (magic, "WLPWM\0\0\0", 8) == 0);
  fclose (f);
  return ok;
}

/* libwim trusts the header: a damaged image count or table size makes it allocate
 * and clear gigabytes before it finds anything wrong (a 2.5 kB file took 2 GB and
 * 14 s). Every image has a 50-byte entry in the blob table, and every table lies in
 * the file: numbers beyond that are damage, refused before libwim sees them. */
/* The same for the images' metadata resources, listed in the (uncompressed) blob table:
 * libwim allocates each one's uncompressed size at once (17 GB claimed by a 5 kB file).
 * Real ones are tens of MB. */
static gboolean
metadata_sizes_plausible (const char   *path,
                          const guint8 *blob_reshdr)
{
  guint64 stored = 0, offset;
  g_autofree guint8 *table = NULL;
  FILE *f;
  gboolean ok;

  memcpy (&stored, blob_reshdr, 7);
  memcpy (&offset, blob_reshdr + 8, 8);
  stored = GUINT64_FROM_LE (stored);
  offset = GUINT64_FROM_LE (offset);
  if ((blob_reshdr[7] & 0x04) != 0 || stored == 0 || stored > 256u << 20)
    return TRUE;   /* compressed or huge: libwim's own checks */
  if ((f = g_fopen (path, "rb")) == NULL)
    return TRUE;
  table = g_malloc (stored);
  ok = fseeko (f, (off_t) offset, SEEK_SET) == 0 && fread (table, 1, stored, f) == stored;
  fclose (f);
  if (!ok)
    return TRUE;
  for (guint64 e = 0; e + 50 <= stored; e += 50)
    {
      guint64 original;

      memcpy (&original, table + e + 16, 8);
      /* metadata, not in a solid resource */
      if ((table[e + 7] & 0x12) == 0x02 && GUINT64_FROM_LE (original) > (guint64) 1 << 30)
        return FALSE;
    }
  return TRUE;
}

static gboolean
header_is_plausible (const char *path)
{
  static const guint reshdr_offsets[] = { 48, 72, 96, 124 };   /* blob table, XML, boot, integrity */
  guint8 hdr[208];
  GStatBuf st;
  FILE *f;
  gboolean ok;
  guint32 n_images;

  if (g_stat (path, &st) != 0 || (f = g_fopen (path, "rb")) == NULL)
    return TRUE;   /* let libwim report why it cannot be opened */
  ok = fread (hdr, 1, sizeof hdr, f) == sizeof hdr;
  fclose (f);
  if (!ok || memcmp (hdr, "MSWIM\0\0\0", 8) != 0)
    return TRUE;   /* too short or pipable: libwim's own checks */
  memcpy (&n_images, hdr + 44, 4);
  if ((guint64) GUINT32_FROM_LE (n_images) * 50 > (guint64) st.st_size)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (reshdr_offsets); i++)
    {
      const guint8 *r = hdr + reshdr_offsets[i];
      guint64 stored = 0, offset, original;
      gboolean compressed = (r[7] & 0x04) != 0;

      memcpy (&stored, r, 7);
      memcpy (&offset, r + 8, 8);
      memcpy (&original, r + 16, 8);
      stored = GUINT64_FROM_LE (stored);
      offset = GUINT64_FROM_LE (offset);
      original = GUINT64_FROM_LE (original);
      if (stored != 0 && (offset > (guint64) st.st_size || stored > (guint64) st.st_size - offset))
        return FALSE;
      /* libwim allocates the uncompressed size of these tables at once */
      if (original > (compressed ? (guint64) 1 << 30 : stored))
        return FALSE;
    }
  return metadata_sizes_plausible (path, hdr + 48);
}

static void
drop_xml_error (void        *user_data,
                xmlErrorPtr  error)
{
}

static WIMStruct *
wim_open (const char  *path,
          GError     **error)
{
  WIMStruct *wim = NULL;
  int ret;

  wim_init_once ();
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, UE_WIM_ERROR, UE_WIM_ERROR_NOT_FOUND,
                   _("%s: error: no such file"), path);
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, UE_WIM_ERROR, UE_WIM_ERROR_NOT_A_WIM,
                   _("%s: error: a folder, not a WIM or ESD file"), path);
      return NULL;
    }
  if (!has_wim_magic (path))
    {
      g_set_error (error, UE_WIM_ERROR, UE_WIM_ERROR_NOT_A_WIM,
                   _("%s: error: not a WIM or ESD file"), path);
      return NULL;
    }
  if (!header_is_plausible (path))
    {
      g_set_error (error, UE_WIM_ERROR, UE_WIM_ERROR_TRUNCATED,
                   _("%s: error: the image file is truncated or damaged (%s)"), path,
                   _("the header's tables or image count do not fit the file"));
      return NULL;
    }
  /* libwim parses the image's XML data with libxml2, whose default handler prints
   * errors to stderr: the GError below says it once, cleanly */
  xmlSetStructuredErrorFunc (NULL, drop_xml_error);
  ret = wimlib_open_wim (path, 0, &wim);
  xmlSetStructuredErrorFunc (NULL, NULL);
  if (ret != 0)
    {
      set_wim_error (error, ret, path);
      return NULL;
    }
  return wim;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WIMStruct, wimlib_free)

static char *
guid_to_string (const guint8 *guid)
{
  GString *s = g_string_sized_new (32);
  for (guint i = 0; i < WIMLIB_GUID_LEN; i++)
    g_string_append_printf (s, "%02x", guid[i]);
  return g_string_free (s, FALSE);
}

static char *
image_property (WIMStruct  *wim,
                int         index,
                const char *name)
{
  const char *value = wimlib_get_image_property (wim, index, name);
  return value && *value ? g_strdup (value) : NULL;
}

static UeWimImage *
read_image (WIMStruct *wim,
            int        index)
{
  UeWimImage *image = g_new0 (UeWimImage, 1);
  g_autofree char *arch = image_property (wim, index, "WINDOWS/ARCH");
  g_autofree char *major = image_property (wim, index, "WINDOWS/VERSION/MAJOR");
  g_autofree char *minor = image_property (wim, index, "WINDOWS/VERSION/MINOR");
  g_autofree char *spbuild = image_property (wim, index, "WINDOWS/VERSION/SPBUILD");

  image->index = index;
  image->name = g_strdup (wimlib_get_image_name (wim, index));
  image->description = image_property (wim, index, "DESCRIPTION");
  image->edition = image_property (wim, index, "WINDOWS/EDITIONID");
  image->build = image_property (wim, index, "WINDOWS/VERSION/BUILD");
  if (major != NULL && minor != NULL && image->build != NULL)
    image->version = g_strdup_printf ("%s.%s.%s.%s", major, minor, image->build, spbuild ? spbuild : "0");
  if (arch != NULL)
    {
      /* PROCESSOR_ARCHITECTURE numbers, as the WIM's XML stores them */
      static const struct { const char *number, *name; } arches[] = {
        { "0", "x86" }, { "5", "arm" }, { "6", "ia64" }, { "9", "amd64" }, { "12", "arm64" },
      };
      for (guint i = 0; i < G_N_ELEMENTS (arches); i++)
        if (strcmp (arch, arches[i].number) == 0)
          image->arch = g_strdup (arches[i].name);
    }
  return image;
}

GPtrArray *
ue_wim_source_list_images (const char  *path,
                           char       **wim_guid,
                           GError     **error)
{
  g_autoptr(WIMStruct) wim = NULL;
  struct wimlib_wim_info info;
  GPtrArray *images;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  wim = wim_open (path, error);
  if (wim == NULL)
    return NULL;
  wimlib_get_wim_info (wim, &info);
  images = g_ptr_array_new_with_free_func ((GDestroyNotify) ue_wim_image_free);
  for (guint i = 1; i <= info.image_count; i++)
    g_ptr_array_add (images, read_image (wim, i));
  if (wim_guid != NULL)
    *wim_guid = guid_to_string (info.guid);
  return images;
}

void
ue_wim_source_parse_spec (const char  *spec,
                          char       **path,
                          char       **image)
{
  const char *colon;

  g_return_if_fail (spec != NULL && path != NULL && image != NULL);

  colon = strrchr (spec, ':');
  if (colon == NULL || colon[1] == '\0' || colon == spec || g_file_test (spec, G_FILE_TEST_EXISTS))
    {
      *path = g_strdup (spec);
      *image = NULL;
      return;
    }
  *path = g_strndup (spec, colon - spec);
  *image = g_strdup (colon + 1);
}

/* 1-based index of the image named or numbered by spec (NULL: the first) */
static int
resolve_image (WIMStruct   *wim,
               const char  *path,
               const char  *spec,
               GError     **error)
{
  struct wimlib_wim_info info;
  g_autofree char *folded = NULL;
  guint64 n;

  wimlib_get_wim_info (wim, &info);
  if (info.image_count == 0)
    {
      g_set_error (error, UE_WIM_ERROR, UE_WIM_ERROR_NO_SUCH_IMAGE,
                   _("%s: error: the file holds no image"), path);
      return 0;
    }
  if (spec == NULL)
    return 1;
  if (g_ascii_string_to_unsigned (spec, 10, 0, G_MAXUINT, &n, NULL))
    {
      if (n >= 1 && n <= info.image_count)
        return n;
      g_set_error (error, UE_WIM_ERROR, UE_WIM_ERROR_NO_SUCH_IMAGE,
                   ngettext ("%s: error: there is no image %s (the file holds %u image)",
                             "%s: error: there is no image %s (the file holds %u images)",
                             info.image_count),
                   path, spec, info.image_count);
      return 0;
    }
  /* an exact name first, then one that differs in case only */
  folded = g_utf8_casefold (spec, -1);
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 1; i <= info.image_count; i++)
      {
        const char *name = wimlib_get_image_name (wim, i);
        g_autofree char *name_folded = NULL;

        if (name == NULL)
          continue;
        if (pass == 0 ? strcmp (name, spec) == 0
                      : strcmp ((name_folded = g_utf8_casefold (name, -1)), folded) == 0)
          return i;
      }
  g_set_error (error, UE_WIM_ERROR, UE_WIM_ERROR_NO_SUCH_IMAGE,
               _("%s: error: there is no image named “%s” (see: unattend-tool images %s)"),
               path, spec, path);
  return 0;
}

/* ---- collecting the files ---- */

typedef struct
{
  GPtrArray  *blobs;
  const char *suffix;
  gboolean    is_package;
} Collect;

static int
collect_file (const struct wimlib_dir_entry *dentry,
              void                          *user_data)
{
  Collect *c = user_data;
  UeWimBlob *blob;

  if ((dentry->attributes & WIMLIB_FILE_ATTRIBUTE_DIRECTORY) || dentry->filename == NULL)
    return 0;
  if (!g_str_has_suffix (dentry->filename, c->suffix))
    {
      g_autofree char *lower = g_ascii_strdown (dentry->filename, -1);
      if (!g_str_has_suffix (lower, c->suffix))
        return 0;
    }
  blob = g_new0 (UeWimBlob, 1);
  blob->name = g_strdup (dentry->filename);
  blob->is_package = c->is_package;
  blob->res = dentry->streams[0].resource;   /* the unnamed data stream */
  g_ptr_array_add (c->blobs, blob);
  return 0;
}

static gboolean
collect (WIMStruct   *wim,
         int          index,
         const char  *path,
         GPtrArray   *blobs,
         GError     **error)
{
  Collect manifests = { blobs, ".manifest", FALSE };
  Collect packages = { blobs, ".mum", TRUE };
  int ret;

  ret = wimlib_iterate_dir_tree (wim, index, MANIFESTS_DIR, WIMLIB_ITERATE_DIR_TREE_FLAG_CHILDREN,
                                 collect_file, &manifests);
  if (ret == WIMLIB_ERR_PATH_DOES_NOT_EXIST || ret == WIMLIB_ERR_NOTDIR)
    {
      g_set_error (error, UE_WIM_ERROR, UE_WIM_ERROR_NOT_WINDOWS,
                   _("%s: error: image %d has no %s folder: not a Windows image"),
                   path, index, &MANIFESTS_DIR[1]);
      return FALSE;
    }
  if (ret == 0)
    ret = wimlib_iterate_dir_tree (wim, index, PACKAGES_DIR, WIMLIB_ITERATE_DIR_TREE_FLAG_CHILDREN,
                                   collect_file, &packages);
  if (ret != 0 && ret != WIMLIB_ERR_PATH_DOES_NOT_EXIST && ret != WIMLIB_ERR_NOTDIR)
    {
      set_wim_error (error, ret, path);
      return FALSE;
    }
  return TRUE;
}

/* ---- building ---- */

typedef struct
{
  UeCatalogSource   *src;
  GHashTable        *components;   /* "name\narch" (name folded) -> UeComponentDef */
  GPtrArray         *packages;
  UeWimProgressFunc  progress;
  gpointer           progress_data;
  GCancellable      *cancellable;
  guint              done;
  guint              total;
  guint              step;
  gboolean           cancelled;
  WIMStruct         *wim;
  int                index;
  GBytes            *manifest_base;    /* resource 614/1 of the image's wcp.dll */
  gboolean           base_looked_up;
} Build;

static int
compare_versions (const char *a,
                  const char *b)
{
  g_auto(GStrv) pa = g_strsplit (a ? a : "", ".", -1);
  g_auto(GStrv) pb = g_strsplit (b ? b : "", ".", -1);

  for (guint i = 0; pa[i] != NULL || pb[i] != NULL; i++)
    {
      guint64 x = pa[i] ? g_ascii_strtoull (pa[i], NULL, 10) : 0;
      guint64 y = pb[i] ? g_ascii_strtoull (pb[i], NULL, 10) : 0;
      if (x != y)
        return x < y ? -1 : 1;
      if (pa[i] == NULL || pb[i] == NULL)
        break;
    }
  return 0;
}

static void remove_tree (const char *path);

/* one file of the image, by extraction (works for every kind of WIM); NULL if absent */
static GBytes *
extract_file (WIMStruct  *wim,
              int         index,
              const char *path)
{
  g_autofree char *tmp = g_dir_make_tmp ("unattend-editor-XXXXXX", NULL);
  g_autofree char *base_name = g_path_get_basename (path);
  g_autofree char *file = NULL;
  char *data = NULL;
  gsize len = 0;

  if (tmp == NULL)
    return NULL;
  file = g_build_filename (tmp, base_name, NULL);
  if (wimlib_extract_paths (wim, index, tmp, &path, 1,
                            WIMLIB_EXTRACT_FLAG_NO_PRESERVE_DIR_STRUCTURE |
                            WIMLIB_EXTRACT_FLAG_NO_ACLS) != 0
      || !g_file_get_contents (file, &data, &len, NULL))
    data = NULL;
  remove_tree (tmp);
  return data != NULL ? g_bytes_new_take (data, len) : NULL;
}

static int
collect_servicing_stack (const struct wimlib_dir_entry *dentry,
                         void                          *user_data)
{
  g_autofree char *lower = NULL;

  if (!(dentry->attributes & WIMLIB_FILE_ATTRIBUTE_DIRECTORY) || dentry->filename == NULL)
    return 0;
  lower = g_ascii_strdown (dentry->filename, -1);
  if (strstr (lower, "_microsoft-windows-servicingstack_") != NULL)
    g_ptr_array_add (user_data, g_strdup (dentry->filename));
  return 0;
}

/* ARCH_NAME_TOKEN_VERSION_LANGUAGE_HASH: the newest servicing stack first */
static int
compare_stacks (gconstpointer a,
                gconstpointer b)
{
  g_auto(GStrv) fa = g_strsplit (*(char * const *) a, "_", -1);
  g_auto(GStrv) fb = g_strsplit (*(char * const *) b, "_", -1);

  return -compare_versions (g_strv_length (fa) > 3 ? fa[3] : NULL,
                            g_strv_length (fb) > 3 ? fb[3] : NULL);
}

/* The base compressed manifests are patched against: resource 614/1 of the image's
 * own wcp.dll, from System32 or, when an image lacks it there, from its newest
 * servicing stack in WinSxS. */
static GBytes *
load_manifest_base (WIMStruct *wim,
                    int        index)
{
  g_autoptr(GBytes) dll = extract_file (wim, index, WCP_DLL);
  g_autoptr(GBytes) resource = NULL;
  g_autoptr(GError) error = NULL;

  if (dll == NULL)
    {
      g_autoptr(GPtrArray) stacks = g_ptr_array_new_with_free_func (g_free);

      wimlib_iterate_dir_tree (wim, index, WINSXS_DIR, WIMLIB_ITERATE_DIR_TREE_FLAG_CHILDREN,
                               collect_servicing_stack, stacks);
      g_ptr_array_sort (stacks, compare_stacks);
      for (guint i = 0; i < stacks->len && dll == NULL; i++)
        {
          g_autofree char *path = g_strconcat (WINSXS_DIR "/", g_ptr_array_index (stacks, i),
                                               "/wcp.dll", NULL);
          dll = extract_file (wim, index, path);
        }
    }
  if (dll == NULL)
    {
      g_debug ("the image has no %s: its compressed manifests cannot be decoded", &WCP_DLL[1]);
      return NULL;
    }
  resource = ue_pe_find_resource (dll, UE_PE_MANIFEST_BASE_TYPE, UE_PE_MANIFEST_BASE_ID, &error);
  if (resource == NULL)
    {
      g_debug ("wcp.dll: %s: compressed manifests cannot be decoded", error->message);
      return NULL;
    }
  /* a copy of the 9 KB base, not a slice holding the whole DLL */
  return g_bytes_new (g_bytes_get_data (resource, NULL), g_bytes_get_size (resource));
}

/* A DCM\x01 manifest is an MSDelta PA30 patch against the base of wcp.dll, looked up
 * at the first one (images before Windows 8 have none). Without a base the manifest
 * stays counted as compressed only; a patch that does not decode counts as failed. */
static guint8 *
decode_compressed_manifest (Build        *b,
                            UeWimBlob    *blob,
                            const guint8 *data,
                            gsize         len,
                            gsize        *out_len)
{
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GError) error = NULL;

  *out_len = 0;
  if (!b->base_looked_up)
    {
      b->base_looked_up = TRUE;
      b->manifest_base = load_manifest_base (b->wim, b->index);
    }
  if (b->manifest_base == NULL)
    return NULL;
  xml = ue_dcm_decode (b->manifest_base, data, len, &error);
  if (xml == NULL)
    {
      g_debug ("%s: %s", blob->name, error->message);
      b->src->failed++;
      return NULL;
    }
  return g_bytes_unref_to_data (g_steal_pointer (&xml), out_len);
}

static void
add_component (Build          *b,
               UeComponentDef *def)
{
  g_autofree char *folded = g_ascii_strdown (def->name, -1);
  char *key = g_strconcat (folded, "\n", def->arch, NULL);
  UeComponentDef *old = g_hash_table_lookup (b->components, key);

  if (old != NULL && compare_versions (old->version, def->version) >= 0)
    {
      g_free (key);
      return;
    }
  g_hash_table_replace (b->components, key, ue_component_def_ref (def));
}

static void
read_file (Build        *b,
           UeWimBlob    *blob,
           const guint8 *data,
           gsize         len)
{
  g_autofree guint8 *decoded = NULL;
  g_autoptr(GError) error = NULL;

  if (blob->is_package)
    {
      g_autoptr(UePackageDef) pkg = NULL;
      if (data != NULL)
        pkg = ue_manifest_read_package ((const char *) data, len, blob->name, &error);
      if (pkg != NULL)
        g_ptr_array_add (b->packages, g_steal_pointer (&pkg));
      else
        g_debug ("%s", error ? error->message : blob->name);
      return;
    }

  b->src->manifests++;
  if (data == NULL)
    {
      g_debug ("%s: cannot read its data from the image", blob->name);
      b->src->failed++;
      return;
    }
  if (ue_manifest_is_compressed ((const char *) data, len))
    {
      b->src->compressed++;
      decoded = decode_compressed_manifest (b, blob, data, len, &len);
      if (decoded == NULL)
        return;
      b->src->decoded++;
      data = decoded;
    }
  if (ue_manifest_has_settings ((const char *) data, len))
    {
      g_autoptr(UeComponentDef) comp = ue_manifest_read_component ((const char *) data, len,
                                                                   blob->name, &error);
      if (comp == NULL)
        {
          g_debug ("%s", error->message);
          b->src->failed++;
        }
      else if (comp->settings->len > 0 || comp->n_hidden > 0)
        add_component (b, comp);
    }
}

static gboolean
on_blob (UeWimBlob    *blob,
         const guint8 *data,
         gsize         len,
         gpointer      user_data)
{
  Build *b = user_data;

  read_file (b, blob, data, len);
  b->done++;
  if (b->progress != NULL && (b->done % b->step == 0 || b->done == b->total))
    b->progress (b->done, b->total, b->progress_data);
  if (b->done % 64 == 0 && g_cancellable_is_cancelled (b->cancellable))
    {
      b->cancelled = TRUE;
      return FALSE;
    }
  return TRUE;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Pipable and split WIMs keep chunk headers of their own: let libwim extract the
 * two folders, then read the files from disk. Also used when UE_WIM_READER=extract
 * (tests compare both ways). */
static gboolean
read_by_extraction (WIMStruct   *wim,
                    int          index,
                    const char  *path,
                    GPtrArray   *blobs,
                    Build       *b,
                    GError     **error)
{
  g_autofree char *tmp = g_dir_make_tmp ("unattend-editor-XXXXXX", error);
  const char *dirs[] = { MANIFESTS_DIR, PACKAGES_DIR };
  int ret = 0;

  if (tmp == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (dirs) && ret == 0; i++)
    {
      ret = wimlib_extract_paths (wim, index, tmp, &dirs[i], 1,
                                  WIMLIB_EXTRACT_FLAG_NO_PRESERVE_DIR_STRUCTURE |
                                  WIMLIB_EXTRACT_FLAG_NO_ACLS);
      if (ret == WIMLIB_ERR_PATH_DOES_NOT_EXIST)
        ret = 0;
    }
  for (guint i = 0; i < blobs->len && ret == 0 && !b->cancelled; i++)
    {
      UeWimBlob *blob = g_ptr_array_index (blobs, i);
      g_autofree char *file = g_build_filename (tmp, blob->is_package ? "Packages" : "Manifests",
                                                blob->name, NULL);
      g_autofree char *data = NULL;
      gsize len = 0;

      g_file_get_contents (file, &data, &len, NULL);
      on_blob (blob, (const guint8 *) data, len, b);
    }
  remove_tree (tmp);
  if (ret != 0)
    {
      set_wim_error (error, ret, path);
      return FALSE;
    }
  return TRUE;
}

static int
compare_packages (gconstpointer a,
                  gconstpointer b)
{
  return strcmp ((*(UePackageDef * const *) a)->name, (*(UePackageDef * const *) b)->name);
}

UeCatalog *
ue_wim_source_build_catalog (const char         *path,
                             const char         *image,
                             UeWimProgressFunc   progress,
                             gpointer            user_data,
                             GCancellable       *cancellable,
                             GError            **error)
{
  g_autoptr(WIMStruct) wim = NULL;
  g_autoptr(UeCatalog) catalog = NULL;
  g_autoptr(GPtrArray) blobs = NULL;
  g_autoptr(GHashTable) components = NULL;
  g_autoptr(GPtrArray) packages = NULL;
  g_autoptr(UeWimImage) info = NULL;
  struct wimlib_wim_info wim_info;
  UeCatalogSource *src;
  Build b = { 0 };
  GHashTableIter iter;
  gpointer value;
  int index;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  wim = wim_open (path, error);
  if (wim == NULL)
    return NULL;
  index = resolve_image (wim, path, image, error);
  if (index == 0)
    return NULL;
  blobs = g_ptr_array_new_with_free_func ((GDestroyNotify) _ue_wim_blob_free);
  if (!collect (wim, index, path, blobs, error))
    return NULL;

  catalog = ue_catalog_new (UE_CATALOG_SOURCE_IMAGE);
  src = ue_catalog_get_source_mutable (catalog);
  wimlib_get_wim_info (wim, &wim_info);
  info = read_image (wim, index);
  src->path = g_canonicalize_filename (path, NULL);
  src->wim_guid = guid_to_string (wim_info.guid);
  src->image_index = index;
  src->image_name = g_strdup (info->name);
  src->build = g_strdup (info->version ? info->version : info->build);
  src->arch = g_strdup (info->arch);

  components = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) ue_component_def_unref);
  packages = g_ptr_array_new_with_free_func ((GDestroyNotify) ue_package_def_unref);
  b.src = src;
  b.components = components;
  b.packages = packages;
  b.progress = progress;
  b.progress_data = user_data;
  b.cancellable = cancellable;
  b.total = blobs->len;
  b.step = MAX (1, blobs->len / 200);
  b.wim = wim;
  b.index = index;
  if (progress != NULL)
    progress (0, b.total, user_data);

  if (wim_info.pipable || wim_info.total_parts > 1 ||
      g_strcmp0 (g_getenv ("UE_WIM_READER"), "extract") == 0)
    {
      if (!read_by_extraction (wim, index, path, blobs, &b, error))
        return NULL;
    }
  else
    {
      g_autoptr(UeWimReader) reader = _ue_wim_reader_new (path, &wim_info, error);
      if (reader == NULL)
        return NULL;
      _ue_wim_reader_read_all (reader, blobs, on_blob, &b);
    }
  g_clear_pointer (&b.manifest_base, g_bytes_unref);
  if (b.cancelled || g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Operation was cancelled"));
      return NULL;
    }

  g_hash_table_iter_init (&iter, components);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    ue_catalog_add_component (catalog, value);
  g_ptr_array_sort (packages, compare_packages);
  for (guint i = 0; i < packages->len; i++)
    ue_catalog_add_package (catalog, g_ptr_array_index (packages, i));
  return g_steal_pointer (&catalog);
}
