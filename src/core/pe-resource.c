/* pe-resource.c — find one resource in a Windows PE file (wcp.dll's manifest base)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only what the walk needs: the MZ and PE headers, the resource entry of the data
 * directory (PE32 and PE32+ differ only in where it sits), the section table to turn
 * RVAs into file offsets, and the three directory levels type -> name -> language.
 * Every offset comes from the file, so each one is checked before it is read.
 */
#define G_LOG_DOMAIN "ue-core"

#include <glib/gi18n.h>
#include <string.h>

#include "pe-resource.h"

G_DEFINE_QUARK (ue-pe-error-quark, ue_pe_error)

#define PE32_MAGIC       0x10b
#define PE32PLUS_MAGIC   0x20b
#define DIR_RESOURCE     2
#define SECTION_SIZE     40
#define ENTRY_SUBDIR     0x80000000u
#define ENTRY_NAMED      0x80000000u

typedef struct
{
  const guint8 *data;
  gsize         len;
  gsize         sections;    /* file offset of the section table */
  guint         n_sections;
} Pe;

static inline guint16
get16 (const guint8 *p)
{
  return p[0] | p[1] << 8;
}

static inline guint32
get32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

/* whether [offset, offset + size) lies inside a buffer of len bytes */
static inline gboolean
in_bounds (gsize offset,
           gsize size,
           gsize len)
{
  return offset <= len && size <= len - offset;
}

static gboolean
set_malformed (GError **error)
{
  g_set_error (error, UE_PE_ERROR, UE_PE_ERROR_MALFORMED,
               _("the PE file is damaged: its resource data points outside the file"));
  return FALSE;
}

/* the file offset of an RVA, and how many bytes of its section follow it on disk */
static gboolean
rva_to_offset (const Pe *pe,
               guint32   rva,
               gsize    *offset,
               gsize    *available)
{
  for (guint i = 0; i < pe->n_sections; i++)
    {
      const guint8 *s = pe->data + pe->sections + (gsize) i * SECTION_SIZE;
      guint32 va = get32 (s + 12);
      guint32 raw_size = get32 (s + 16);
      guint32 raw_ptr = get32 (s + 20);

      if (rva < va || rva - va >= raw_size)
        continue;
      if (!in_bounds (raw_ptr, 0, pe->len) || (gsize) (rva - va) >= pe->len - raw_ptr)
        return FALSE;
      *offset = (gsize) raw_ptr + (rva - va);
      *available = MIN ((gsize) raw_size - (rva - va), pe->len - *offset);
      return TRUE;
    }
  return FALSE;
}

gboolean
ue_pe_is_pe (const guint8 *data,
             gsize         len)
{
  guint32 pe_offset;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  if (len < 0x40 || data[0] != 'M' || data[1] != 'Z')
    return FALSE;
  pe_offset = get32 (data + 0x3c);
  return in_bounds (pe_offset, 4, len) && memcmp (data + pe_offset, "PE\0\0", 4) == 0;
}

static gboolean
pe_open (Pe            *pe,
         const guint8  *data,
         gsize          len,
         guint32       *resource_rva,
         GError       **error)
{
  gsize coff, opt, dirs;
  guint opt_size, magic, n_dirs;

  if (!ue_pe_is_pe (data, len))
    {
      g_set_error (error, UE_PE_ERROR, UE_PE_ERROR_NOT_PE,
                   _("not a Windows PE file (no MZ and PE signatures)"));
      return FALSE;
    }
  pe->data = data;
  pe->len = len;
  coff = (gsize) get32 (data + 0x3c) + 4;
  if (!in_bounds (coff, 20 + 2, len))
    return set_malformed (error);
  pe->n_sections = get16 (data + coff + 2);
  opt_size = get16 (data + coff + 16);
  opt = coff + 20;
  if (!in_bounds (opt, opt_size, len) || opt_size < 2)
    return set_malformed (error);
  magic = get16 (data + opt);
  if (magic == PE32_MAGIC)
    dirs = 96;
  else if (magic == PE32PLUS_MAGIC)
    dirs = 112;
  else
    {
      g_set_error (error, UE_PE_ERROR, UE_PE_ERROR_NOT_PE,
                   _("not a PE32 or PE32+ file (optional header magic 0x%x)"), magic);
      return FALSE;
    }
  pe->sections = opt + opt_size;
  if (!in_bounds (pe->sections, (gsize) pe->n_sections * SECTION_SIZE, len))
    return set_malformed (error);

  /* the count of data directories sits just before them */
  n_dirs = opt_size >= dirs ? get32 (data + opt + dirs - 4) : 0;
  if (n_dirs <= DIR_RESOURCE || opt_size < dirs + (DIR_RESOURCE + 1) * 8
      || get32 (data + opt + dirs + DIR_RESOURCE * 8) == 0)
    {
      g_set_error (error, UE_PE_ERROR, UE_PE_ERROR_NO_RESOURCES,
                   _("the PE file has no resources"));
      return FALSE;
    }
  *resource_rva = get32 (data + opt + dirs + DIR_RESOURCE * 8);
  return TRUE;
}

/* the entry of a resource directory (at offset dir inside the resource section of
 * size avail) whose id is id, or its first entry when any is TRUE */
static gboolean
find_entry (const guint8  *root,
            gsize          avail,
            gsize          dir,
            guint32        id,
            gboolean       any,
            guint32       *target,
            GError       **error)
{
  guint n_named, n_ids;

  if (!in_bounds (dir, 16, avail))
    return set_malformed (error);
  n_named = get16 (root + dir + 12);
  n_ids = get16 (root + dir + 14);
  if (!in_bounds (dir + 16, (gsize) (n_named + n_ids) * 8, avail))
    return set_malformed (error);
  for (guint i = 0; i < n_named + n_ids; i++)
    {
      const guint8 *e = root + dir + 16 + (gsize) i * 8;
      guint32 name = get32 (e);

      if (any || (!(name & ENTRY_NAMED) && name == id))
        {
          *target = get32 (e + 4);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * ue_pe_find_resource:
 * @pe: the bytes of a PE32 or PE32+ file
 * @type_id: numeric resource type
 * @name_id: numeric resource id
 * @error: return location for a #UE_PE_ERROR
 *
 * Finds the resource @type_id/@name_id in its first language.
 *
 * Returns: (transfer full): the resource's bytes (a slice of @pe), or %NULL with
 *   @error set
 */
GBytes *
ue_pe_find_resource (GBytes  *pe_bytes,
                     guint    type_id,
                     guint    name_id,
                     GError **error)
{
  Pe pe;
  const guint8 *data;
  gsize len, root, avail, offset, size, data_avail;
  guint32 rva, entry;
  const guint32 ids[] = { type_id, name_id, 0 };

  g_return_val_if_fail (pe_bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (pe_bytes, &len);
  if (!pe_open (&pe, data, len, &rva, error))
    return NULL;
  if (!rva_to_offset (&pe, rva, &root, &avail))
    {
      set_malformed (error);
      return NULL;
    }

  /* type -> name -> language; the first two must be subdirectories, the last a data
   * entry, so the walk has a fixed depth and cannot loop */
  offset = 0;
  for (guint level = 0; level < 3; level++)
    {
      g_autoptr(GError) local = NULL;

      if (!find_entry (data + root, avail, offset, ids[level], level == 2, &entry, &local))
        {
          if (local != NULL)
            g_propagate_error (error, g_steal_pointer (&local));
          else
            g_set_error (error, UE_PE_ERROR, UE_PE_ERROR_NOT_FOUND,
                         _("the PE file has no resource %u/%u"), type_id, name_id);
          return NULL;
        }
      if (((entry & ENTRY_SUBDIR) != 0) != (level < 2))
        {
          set_malformed (error);
          return NULL;
        }
      offset = entry & ~ENTRY_SUBDIR;
    }

  if (!in_bounds (offset, 16, avail))
    {
      set_malformed (error);
      return NULL;
    }
  rva = get32 (data + root + offset);
  size = get32 (data + root + offset + 4);
  if (!rva_to_offset (&pe, rva, &offset, &data_avail) || size > data_avail)
    {
      set_malformed (error);
      return NULL;
    }
  return g_bytes_new_from_bytes (pe_bytes, offset, size);
}
