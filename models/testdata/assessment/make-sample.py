#!/usr/bin/env python3
"""Makes the assessment sample: frames of the project's two real clips (MIT, see ../real/LICENSE-*) written as JPEG
photos with EXIF GPS position and time (and, for the "drone" shots, DJI-style XMP: relative altitude, gimbal pitch and
yaw), the way a phone or a drone writes them. The positions and times are invented for the sample (a site near Bern);
the pixels are real footage. Needs ffmpeg. Run from anywhere: python3 make-sample.py"""
import os, struct, subprocess, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REAL = os.path.join(HERE, "..", "real")

# name, clip, seconds into it, latitude, longitude, time, drone xmp (relative altitude m, gimbal yaw, gimbal pitch) or None
SHOTS = [
    ("overpass-0001.jpg", "motorway-overpass.mp4", 2.0, 46.947120, 7.447310, "2026:12:05 08:00:00", None),
    ("overpass-0002.jpg", "motorway-overpass.mp4", 6.0, 46.947180, 7.447390, "2026:12:05 08:00:04", None),
    ("drone-0003.jpg", "motorway-overpass.mp4", 10.0, 46.947300, 7.447500, "2026:12:05 08:01:10", (40.0, 90.0, -90.0)),
    ("cctv-0004.jpg", "motorway-cctv.avi", 10.4, 46.948010, 7.448900, "2026:12:05 08:02:30", None),
]


def rational(value, denominator=1000000):
    return struct.pack("<II", int(round(value * denominator)), denominator)


def dms(value):
    value = abs(value)
    d = int(value)
    m = int((value - d) * 60)
    s = (value - d - m / 60) * 3600
    return rational(d, 1) + rational(m, 1) + rational(s, 10000)


def ifd(entries, offset):
    """entries: (tag, type, count, payload bytes). Returns the IFD bytes laid out at `offset` (data after the table)."""
    table = struct.pack("<H", len(entries))
    data = b""
    data_at = offset + 2 + 12 * len(entries) + 4
    for tag, typ, count, payload in entries:
        if len(payload) <= 4:
            table += struct.pack("<HHI", tag, typ, count) + payload.ljust(4, b"\0")
        else:
            table += struct.pack("<HHII", tag, typ, count, data_at + len(data))
            data += payload
            if len(data) % 2:
                data += b"\0"
    return table + struct.pack("<I", 0) + data


def exif(lat, lon, when, width, height):
    ascii_ = lambda s: s.encode() + b"\0"
    # TIFF header (8) + IFD0 at 8; the Exif and GPS IFDs follow it. Offsets are from the TIFF header.
    ifd0_entries = lambda exif_at, gps_at: [
        (0x010F, 2, 9, ascii_("EdgeCity")), (0x0110, 2, 7, ascii_("sample")),
        (0x0132, 2, 20, ascii_(when)), (0x8769, 4, 1, struct.pack("<I", exif_at)), (0x8825, 4, 1, struct.pack("<I", gps_at))]
    size0 = len(ifd(ifd0_entries(0, 0), 8))
    exif_at = 8 + size0
    exif_entries = [(0x9003, 2, 20, ascii_(when)), (0xA002, 4, 1, struct.pack("<I", width)), (0xA003, 4, 1, struct.pack("<I", height)),
                    (0xA405, 3, 1, struct.pack("<H", 24))]
    exif_ifd = ifd(exif_entries, exif_at)
    gps_at = exif_at + len(exif_ifd)
    gps_entries = [(0x0000, 1, 4, bytes([2, 3, 0, 0])), (0x0001, 2, 2, b"N\0" if lat >= 0 else b"S\0"), (0x0002, 5, 3, dms(lat)),
                   (0x0003, 2, 2, b"E\0" if lon >= 0 else b"W\0"), (0x0004, 5, 3, dms(lon)),
                   (0x0005, 1, 1, b"\0"), (0x0006, 5, 1, rational(560.0, 10))]
    tiff = b"II*\0" + struct.pack("<I", 8) + ifd(ifd0_entries(exif_at, gps_at), 8) + exif_ifd + ifd(gps_entries, gps_at)
    body = b"Exif\0\0" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def xmp(relative_altitude, yaw, pitch):
    xml = (f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           f'<rdf:Description rdf:about="" xmlns:drone-dji="http://www.dji.com/drone-dji/1.0/" '
           f'drone-dji:RelativeAltitude="+{relative_altitude:.2f}" drone-dji:GimbalYawDegree="+{yaw:.1f}" '
           f'drone-dji:GimbalPitchDegree="{pitch:.1f}" drone-dji:FlightYawDegree="+{yaw:.1f}"/></rdf:RDF></x:xmpmeta>')
    body = b"http://ns.adobe.com/xap/1.0/\0" + xml.encode()
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def main():
    for name, clip, at, lat, lon, when, drone in SHOTS:
        with tempfile.TemporaryDirectory() as tmp:
            raw = os.path.join(tmp, "frame.jpg")
            subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-ss", str(at), "-i", os.path.join(REAL, clip), "-frames:v", "1", "-q:v", "2", raw], check=True)
            jpeg = open(raw, "rb").read()
            probe = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0", raw],
                                   check=True, capture_output=True, text=True).stdout.strip().split(",")
        width, height = int(probe[0]), int(probe[1])
        segments = exif(lat, lon, when, width, height) + (xmp(*drone) if drone else b"")
        assert jpeg[:2] == b"\xff\xd8"
        # Drop ffmpeg's JFIF APP0: EXIF's APP1 must come first after SOI.
        rest = jpeg[2:]
        if rest[:2] == b"\xff\xe0":
            rest = rest[2 + struct.unpack(">H", rest[2:4])[0]:]
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(b"\xff\xd8" + segments + rest)
        print(name, width, height)


if __name__ == "__main__":
    main()
