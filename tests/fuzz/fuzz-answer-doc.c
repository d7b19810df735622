/* fuzz-answer-doc.c — libFuzzer target: answer document load → edit → save → reload
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fuzz-corpus: tests/fuzz/seeds-answer tests/data
 *
 * Input: the file's bytes, optionally followed by a NUL and edit opcodes (the loader
 * refuses NUL bytes, so everything after the first NUL is free for the script). Without
 * a script a few opcodes are derived from the bytes, so plain answer files as seeds
 * get edited too. Checked properties:
 *  - a document that loads is written back byte for byte when nothing was edited;
 *  - whatever the edits, the written bytes load again;
 *  - undoing every edit gives the original bytes back, redoing them the edited bytes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "core/answer-doc.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char *const paths[] = {
  "oobeSystem/Microsoft-Windows-Shell-Setup/TimeZone",
  "specialize/Microsoft-Windows-Shell-Setup/ComputerName",
  "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/AdministratorPassword/Value",
  "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount[Name=admin]/Group",
  "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount[Name=a/b\\]]/Password/Value",
  "windowsPE/Microsoft-Windows-Setup/RunSynchronous/RunSynchronousCommand[Order=2]/Path",
  "windowsPE/Microsoft-Windows-Setup/DiskConfiguration/Disk[@keyValue=0]/DiskID",
  "offlineServicing/Microsoft-Windows-PnpCustomizationsNonWinPE/DriverPaths/PathAndCredentials[@keyValue=1]/Path",
  "auditUser/X/A/B/C/D",
  "generalize/Microsoft-Windows-Security-SPP/SkipRearm",
  "specialize/Microsoft-Windows-IE-ESC/IEHardenAdmin",
  "nopass/X/Y",
  "oobeSystem//Bad",
};

static const char *const values[] = {
  "", "x", "W. Europe Standard Time", "<&>\"']]>", "  spaced  ", "J\xc3\xbcrgen\xe3\x80\x80",
  "line1\nline2\r\nline3", "true", "false", "\t",
};

static const char *const attr_names[] = {
  "wcm:action", "wcm:keyValue", "name", "processorArchitecture", "pass", "foo",
};

static void
collect (UeNode    *node,
         GPtrArray *out)
{
  for (UeNode *n = node; n != NULL; n = ue_node_get_next (n))
    {
      g_ptr_array_add (out, n);
      collect (ue_node_get_first_child (n), out);
    }
}

static UeNode *
pick (UeAnswerDoc *doc,
      guint8       k)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();

  collect (ue_answer_doc_get_root (doc), nodes);
  return nodes->pdata[k % nodes->len];
}

static GBytes *
dump (UeAnswerDoc *doc)
{
  return ue_answer_doc_to_bytes (doc);
}

static void
run_op (UeAnswerDoc  *doc,
        const guint8 *op)
{
  UeNode *node;

  switch (op[0] % 11)
    {
    case 0:
      ue_answer_doc_set_path_value (doc, paths[op[1] % G_N_ELEMENTS (paths)], NULL,
                                    values[op[2] % G_N_ELEMENTS (values)], NULL);
      break;
    case 1:
      ue_answer_doc_unset_path (doc, paths[op[1] % G_N_ELEMENTS (paths)], NULL, NULL);
      break;
    case 2:
      node = pick (doc, op[1]);
      if (ue_node_get_parent (node) != NULL)
        ue_answer_doc_remove (doc, node);
      break;
    case 3:
      node = pick (doc, op[1]);
      if (ue_node_get_first_child (node) == NULL)
        ue_answer_doc_set_text (doc, node, values[op[2] % G_N_ELEMENTS (values)]);
      break;
    case 4:
      node = pick (doc, op[1]);
      ue_answer_doc_set_attribute (doc, node, attr_names[op[2] % G_N_ELEMENTS (attr_names)],
                                   op[2] & 0x80 ? NULL : values[op[2] % G_N_ELEMENTS (values)]);
      break;
    case 5:
      ue_answer_doc_undo (doc);
      break;
    case 6:
      ue_answer_doc_redo (doc);
      break;
    case 7:
      ue_answer_doc_hide_passwords (doc);
      break;
    case 8:
      node = pick (doc, op[1]);
      if (ue_node_get_kind (node) != UE_NODE_KIND_ROOT || ue_node_get_first_child (node) != NULL)
        ue_answer_doc_add_list_item (doc, node, "Item", op[2] & 1 ? "Order" : "@keyValue", NULL);
      break;
    case 9:
      node = pick (doc, op[1]);
      ue_answer_doc_insert_ordered_item (doc, node, "SynchronousCommand", 1 + op[2] % 4);
      break;
    case 10:
      {
        /* not every node has a path that names it alone (a component without a name,
         * a name with "/"): only look it up */
        g_autofree char *path = ue_node_dup_path (pick (doc, op[1]));
        g_autoptr(GError) error = NULL;
        if (path != NULL)
          ue_answer_doc_lookup (doc, path, NULL, &error);
      }
      break;
    }
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init_logging ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(UeAnswerDoc) doc = NULL;
  g_autoptr(UeAnswerDoc) again = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *nul = memchr (data, 0, size);
  gsize doc_len = nul ? (gsize) (nul - data) : size;
  guint8 derived[9];
  const guint8 *ops;
  gsize n_ops;
  gboolean utf16, undid = FALSE;
  gboolean debug = g_getenv ("FUZZ_DEBUG") != NULL;

  if (size > 64 * 1024)
    return -1;
  doc = ue_answer_doc_new_from_data ((const char *) data, size, "fuzz.xml", &error);
  utf16 = size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF));
  if (doc != NULL && nul != NULL && !utf16)
    g_error ("a document with a NUL byte was accepted");
  if (doc == NULL && nul != NULL && !utf16)
    {
      g_clear_error (&error);
      doc = ue_answer_doc_new_from_data ((const char *) data, doc_len, "fuzz.xml", &error);
      ops = nul + 1;
      n_ops = (size - doc_len - 1) / 3;
    }
  else
    {
      /* a fixed small script whose operands come from the bytes */
      guint32 h = 2166136261u;
      for (gsize i = 0; i < size; i++)
        h = (h ^ data[i]) * 16777619u;
      for (guint i = 0; i < sizeof derived; i++)
        derived[i] = (guint8) (h >> (i % 4 * 8)) + i;
      derived[0] = 0;   /* set a path */
      derived[3] = 2;   /* remove a node */
      derived[6] = 5;   /* undo */
      ops = derived;
      n_ops = 3;
      doc_len = size;
    }
  if (doc == NULL)
    {
      fuzz_check_error (error);
      return 0;
    }
  g_assert (!ue_answer_doc_get_modified (doc));

  original = dump (doc);
  /* no edit: byte-identical (UTF-8 without BOM; a BOM is dropped, UTF-16 re-encoded) */
  if (!utf16 && (doc_len < 3 || memcmp (data, "\xEF\xBB\xBF", 3) != 0))
    {
      if (g_bytes_get_size (original) != doc_len || memcmp (g_bytes_get_data (original, NULL), data, doc_len) != 0)
        g_error ("no-edit round trip changed the bytes");
    }

  for (gsize i = 0; i < n_ops && i < 16; i++)
    {
      if (debug)
        g_printerr ("op %u %u %u\n", ops[3 * i] % 11, ops[3 * i + 1], ops[3 * i + 2]);
      run_op (doc, ops + 3 * i);
      undid |= ops[3 * i] % 11 == 5 || ops[3 * i] % 11 == 6;
    }

  edited = dump (doc);
  again = ue_answer_doc_new_from_data (g_bytes_get_data (edited, NULL), g_bytes_get_size (edited),
                                       "edited.xml", &error);
  if (again == NULL)
    g_error ("the edited document does not load again: %s", error->message);
  g_clear_object (&again);

  /* undo everything: the original bytes; redo everything: the edited bytes */
  {
    g_autoptr(GBytes) undone = NULL;
    g_autoptr(GBytes) redone = NULL;

    while (ue_answer_doc_undo (doc))
      ;
    undone = dump (doc);
    if (!g_bytes_equal (undone, original) && debug)
      g_printerr ("original:\n%.*s\nedited:\n%.*s\nundone:\n%.*s\n",
                  (int) g_bytes_get_size (original), (char *) g_bytes_get_data (original, NULL),
                  (int) g_bytes_get_size (edited), (char *) g_bytes_get_data (edited, NULL),
                  (int) g_bytes_get_size (undone), (char *) g_bytes_get_data (undone, NULL));
    if (!g_bytes_equal (undone, original))
      g_error ("undoing every edit does not give the original bytes back");
    while (ue_answer_doc_redo (doc))
      ;
    redone = dump (doc);
    /* after an undo in the script, redo may go further than the edited state */
    if (!undid && !g_bytes_equal (redone, edited))
      g_error ("redoing every edit does not give the edited bytes back");
  }
  return 0;
}
