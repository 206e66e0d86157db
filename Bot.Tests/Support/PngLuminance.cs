using System.Buffers.Binary;
using System.IO.Compression;

namespace ConversationBot.Bot.Tests.Support;

/// <summary>
/// Test code only: the grey levels of a PNG, for ZXing to read a QR code from (ZXing.Net's core takes
/// pixels, not files). Handles what QR renderers write: 1- or 8-bit greyscale, palette, RGB and RGBA,
/// not interlaced, every row filter.
/// </summary>
public static class PngLuminance
{
    public static (byte[] Luminance, int Width, int Height) Read(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        int width = 0, height = 0, bitDepth = 0, colorType = 0;
        byte[] palette = [];
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    (width, height, bitDepth, colorType) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]), data[8], data[9]);
                    Assert.Equal(0, data[12]);
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            at += 12 + length;
        }

        var channels = colorType switch { 0 or 3 => 1, 2 => 3, 6 => 4, _ => throw new NotSupportedException($"PNG colour type {colorType}") };
        var bitsPerPixel = channels * bitDepth;
        var stride = (width * bitsPerPixel + 7) / 8;
        var step = Math.Max(1, bitsPerPixel / 8);
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var previous = new byte[stride];
        var luminance = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var row = raw.AsSpan(y * (stride + 1) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int left = i >= step ? row[i - step] : 0, up = previous[i], upLeft = i >= step ? previous[i - step] : 0;
                row[i] = (byte)(row[i] + filter switch
                {
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => 0,
                });
            }

            for (var x = 0; x < width; x++)
            {
                luminance[y * width + x] = Grey(row, x, bitDepth, colorType, channels, palette);
            }

            previous = row;
        }

        return (luminance, width, height);
    }

    private static byte Grey(byte[] row, int x, int bitDepth, int colorType, int channels, byte[] palette)
    {
        int Sample(int index) => bitDepth == 8 ? row[index] : (row[index * bitDepth / 8] >> (8 - bitDepth - (index * bitDepth % 8))) & ((1 << bitDepth) - 1);
        return colorType switch
        {
            0 => (byte)(Sample(x) * 255 / ((1 << bitDepth) - 1)),
            3 => (byte)((palette[Sample(x) * 3] + palette[Sample(x) * 3 + 1] + palette[Sample(x) * 3 + 2]) / 3),
            _ => (byte)((row[x * channels] + row[x * channels + 1] + row[x * channels + 2]) / 3),
        };
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
