"""The summary document: a structured document model rendered to PDF (fpdf2 + HarfBuzz)."""
