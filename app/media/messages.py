NOT_AN_IMAGE = "只能上传照片（JPG 或 PNG）"
TOO_LARGE = "照片太大了，每张最大 {max_mb} MB"
TOO_MANY_PIXELS = "照片尺寸太大了，请换一张"
