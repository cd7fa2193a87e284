"""PyInstaller runtime hook: the bundle leaves Pillow out (a summary has no images), so
fpdf2's import-time warning about it is expected and silenced."""

import warnings

warnings.filterwarnings("ignore", message="Pillow could not be imported")
